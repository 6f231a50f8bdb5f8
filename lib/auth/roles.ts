// Per-course roles (docs/architecture.md §8), one definition.
import { z } from "zod";
import type { MessageKey } from "../i18n/msg";

export const COURSE_ROLES = ["INSTRUCTOR", "TA", "STUDENT"] as const;
export const CourseRoleSchema = z.enum(COURSE_ROLES);
export type CourseRole = z.infer<typeof CourseRoleSchema>;

/** Roles that manage a course: see the roster, enrol people, author quizzes. */
export const STAFF: readonly CourseRole[] = ["INSTRUCTOR", "TA"];
export const ANY_ROLE: readonly CourseRole[] = COURSE_ROLES;

export const ROLE_LABEL: Record<CourseRole, string> = { INSTRUCTOR: "Instructor", TA: "Teaching assistant", STUDENT: "Student" };

/** Each role's name as a message (`t(ROLE_MESSAGE[role])`, or msg() for Text); in a sentence, use an ICU select on the role instead. */
export const ROLE_MESSAGE = {
  INSTRUCTOR: "auth.role.INSTRUCTOR",
  TA: "auth.role.TA",
  STUDENT: "auth.role.STUDENT",
} as const satisfies Record<CourseRole, MessageKey>;
