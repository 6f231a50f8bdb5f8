// Per-course roles (docs/architecture.md §8), one definition.
import { z } from "zod";

export const COURSE_ROLES = ["INSTRUCTOR", "TA", "STUDENT"] as const;
export const CourseRoleSchema = z.enum(COURSE_ROLES);
export type CourseRole = z.infer<typeof CourseRoleSchema>;

/** Roles that manage a course: see the roster, enrol people, author quizzes. */
export const STAFF: readonly CourseRole[] = ["INSTRUCTOR", "TA"];
export const ANY_ROLE: readonly CourseRole[] = COURSE_ROLES;
