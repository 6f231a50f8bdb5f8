// The grade export's client-safe entry point (docs/architecture.md §9): the formats, their
// options and the mapping's shapes, for the export page's components.
export {
  BRIGHTSPACE_IDENTIFIERS,
  gradeQueryString,
  LMS_FORMATS,
  LMS_WITH_IDS,
  MOODLE_IDENTIFIERS,
  TOTAL,
  type BrightspaceIdentifier,
  type GradeFileOptions,
  type LmsColumns,
  type LmsFormat,
  type MoodleIdentifier,
} from "./grade-options";
