// The LMSs by their own names (not translated), and the menu of each that takes a grade file, as
// the LMS itself labels it (docs/lms-grades.md).
import type { LmsFormat } from "@/lib/lms/grades-client";

export const LMS_NAMES: Record<LmsFormat, string> = {
  canvas: "Canvas",
  moodle: "Moodle",
  blackboard: "Blackboard Learn",
  brightspace: "Brightspace (D2L)",
};

export const LMS_MENUS: Record<LmsFormat, string> = {
  canvas: "Grades → Import",
  moodle: "Grades → Import → CSV file",
  blackboard: "Grade Center → Work Offline → Upload",
  brightspace: "Grades → Enter Grades → Import",
};
