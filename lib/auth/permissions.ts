// Who may do what in a course, one table (README, "Who may do what"). Pages pass
// `rolesFor(permission)` to requireCourse, actions to courseAction, and /api/v1 operations
// name their permission; the role matrix test walks this table over every page and route.
import { STAFF, type CourseRole } from "./roles";

const INSTRUCTOR_ONLY: readonly CourseRole[] = ["INSTRUCTOR"];

export const PERMISSIONS = {
  /** See the course's banks and their questions (with their versions). */
  "banks.view": STAFF,
  /** Create, rename, delete banks; write, duplicate, archive questions; copy from the library. */
  "banks.edit": INSTRUCTOR_ONLY,
  /** See every quiz of the course, drafts included, with its items and settings. */
  "quizzes.view": STAFF,
  /** Build, change, publish and unpublish quizzes; set accommodations. */
  "quizzes.edit": INSTRUCTOR_ONLY,
  /** Preview a question or a quiz as a student sees it, for a seed. */
  "questions.preview": STAFF,
  /** See the expected answer of a previewed variant. */
  "questions.expected": INSTRUCTOR_ONLY,
  /** See the roster and the submissions. */
  "roster.view": STAFF,
  /** Change people's roles in the course; remove people from it (their attempts are kept); make password reset links for its students. */
  "roster.roles": INSTRUCTOR_ONLY,
  /** See the gradebook, any student's attempts with their seeds, versions and saved-answer history. */
  "grades.view": STAFF,
  /** Override an answer's or an attempt's score with a reason; excuse a student from a quiz. */
  "grades.override": STAFF,
  /** Set each quiz's weight in the course total. */
  "grades.weights": INSTRUCTOR_ONLY,
  /** Dry-run a regrade: see every score that would change, and why. */
  "regrade.preview": STAFF,
  /** Apply a regrade. */
  "regrade.apply": INSTRUCTOR_ONLY,
  /** See item statistics and the class's misconceptions, and export them. */
  "analytics.view": STAFF,
  /** Download grade files for an LMS (Canvas, Moodle, Blackboard, Brightspace); see the exports made. */
  "grades.export": STAFF,
  /** Say what each quiz is called in each LMS's gradebook (its column id or title there). */
  "grades.lms": INSTRUCTOR_ONLY,
  /** Enrol students from an LMS's roster file; set students' sections and LMS identifiers. */
  "roster.import": STAFF,
  /** Download a bank as JSON, Moodle XML, GIFT or QTI. */
  "banks.export": STAFF,
  /** Import questions into a bank from JSON, Moodle XML, GIFT or QTI. */
  "banks.import": INSTRUCTOR_ONLY,
  /** Link the course to an LMS course launched by LTI, and LMS activities to quizzes (deep linking). */
  "lti.link": INSTRUCTOR_ONLY,
  /** See each student's scores sent to the LMS by LTI (pending, sent, failed and why); send one again. */
  "grades.lti": STAFF,
  /** Bring the roster in line with the LMS course's membership (LTI Names and Roles), after a preview. */
  "roster.sync": INSTRUCTOR_ONLY,
} as const satisfies Record<string, readonly CourseRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The roles that hold `permission`. */
export function rolesFor(permission: Permission): readonly CourseRole[] {
  return PERMISSIONS[permission];
}

export function can(role: CourseRole, permission: Permission): boolean {
  return PERMISSIONS[permission].includes(role);
}
