// Who may make a password reset link for whom. A link sets the account's password, so making one
// is taking the account over: an instructor may do it only for an account that holds nothing
// more than a student's place (a student of their course, with no staff role anywhere, that
// cannot create courses or administer the site); a site administrator may do it for anyone.
// Nobody makes one for themselves (they change their password on the Account page), and an
// invited account has no password yet: its invite link is what sets one. Pure.
import { msg, type Msg } from "../i18n/msg";
import type { CourseRole } from "./roles";

export type ResetMaker = { id: string; isAdmin: boolean };

export type ResetTarget = {
  id: string;
  invited: boolean;
  isAdmin: boolean;
  canTeach: boolean;
  /** The target's roles in every course. */
  roles: readonly string[];
  /** The target's role in the course the link is asked from, null when not enrolled there. */
  roleHere: string | null;
};

/** Why `maker` may not make a reset link for `target`, or null when they may. `viaCourse`: asked from a course's roster. */
export function resetRefusal(maker: ResetMaker, target: ResetTarget, viaCourse: boolean): Msg | null {
  if (target.id === maker.id) return msg("auth.reset.refused.self");
  if (target.invited) return msg("auth.reset.refused.invited");
  if (maker.isAdmin) return null;
  if (!viaCourse || target.roleHere !== ("STUDENT" satisfies CourseRole)) return msg("auth.reset.refused.notStudent");
  if (target.isAdmin || target.canTeach || target.roles.some((r) => r !== "STUDENT")) return msg("auth.reset.refused.adminOnly");
  return null;
}
