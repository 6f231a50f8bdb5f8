// The staff tab bar of a course. A new staff page is one entry here: its label (a catalog
// message), the route segment under /courses/[courseId], and the roles that see the tab. Keep
// `roles` equal to the roles the page itself passes to requireCourse, so nobody is shown a tab
// that leads to a 403.
import { rolesFor } from "@/lib/auth/permissions";
import { STAFF, type CourseRole } from "@/lib/auth/roles";
import type { MessageKey } from "@/lib/i18n/msg";

export type CourseTab = {
  label: MessageKey;
  /** The route segment below the course (`roster` for /courses/[courseId]/roster); null is the course page. */
  segment: string | null;
  roles: readonly CourseRole[];
};

export const COURSE_TABS = [
  { label: "courses.tabs.overview", segment: null, roles: STAFF },
  { label: "courses.tabs.banks", segment: "banks", roles: rolesFor("banks.view") },
  { label: "courses.tabs.quizzes", segment: "quizzes", roles: rolesFor("quizzes.view") },
  { label: "courses.tabs.roster", segment: "roster", roles: STAFF },
  { label: "gradebook.tab", segment: "gradebook", roles: rolesFor("grades.view") },
  { label: "analytics.tab", segment: "analytics", roles: rolesFor("analytics.view") },
] as const satisfies readonly CourseTab[];

/** Routes below a course that show only their own content: an attempt is a student's exam screen. */
export const FOCUSED_SEGMENTS: readonly string[] = ["attempts"];

/** The tabs `role` sees; none for students, whose course page is the whole course. */
export function tabsFor(role: CourseRole): CourseTab[] {
  return COURSE_TABS.filter((tab) => tab.roles.includes(role));
}
