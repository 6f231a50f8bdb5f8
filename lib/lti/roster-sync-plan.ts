// What a roster sync with the LMS would change in a course (docs/lti.md §6): the plan the
// preview shows and the apply carries out, from the LMS course's members and the course as it
// is. Pure.
//
// Who is who: a member is the account linked to their LMS identity (LtiUser: issuer and
// user_id) when there is one. Otherwise an existing account with the member's address is used,
// and linked, only when that is safe: linking lets whoever the LMS calls by that address sign
// in as the account from the LMS, and an LMS may let people change their address. So an
// address match is linked only to an account that has proven the address (or was made by an
// instructor's invitation to it), cannot teach or administer here, and has no other identity
// on that LMS; any other match is held back, shown with its reason, and left to the instructor.
//
// What changes: members new here are enrolled (a new account when none matches) with the role
// their LMS roles give (lib/lti/roles.ts). Roles are raised, never lowered: a lower LMS role is
// shown as kept, for the instructor to change by hand, and the course creator's role never
// changes. Names follow the LMS for accounts without a password of their own; an SIS id fills an
// empty one. Members inactive or deleted in the LMS, and members who came from the LMS but are
// no longer listed, are marked as having left; nothing is deleted, attempts and grades stay.
import type { CourseRole } from "../auth/roles";
import type { LmsMember, MemberStatus } from "./nrps";
import { courseRoleOf } from "./roles";

/** A member of one LMS course, with the issuer of the platform that lists them. */
export interface ListedMember extends LmsMember {
  issuer: string;
}

/** An LMS identity of an account. */
export interface Identity {
  issuer: string;
  sub: string;
}

/** An existing account the members may be. */
export interface SyncAccount {
  userId: string;
  email: string;
  name: string;
  /** The address is proven: verified, or the account was made by an invitation to it. */
  emailProven: boolean;
  /** Can create courses or administer the site. */
  privileged: boolean;
  /** Has a password of its own (its owner chose the name). */
  hasPassword: boolean;
  identities: Identity[];
}

/** An enrolment of the course. */
export interface SyncEnrolment {
  enrollmentId: string;
  userId: string;
  role: CourseRole;
  sisUserId: string | null;
  lmsStatus: string | null;
}

export interface SyncState {
  /** The issuers of the LMS courses synced: whose lists count for "no longer listed". */
  issuers: readonly string[];
  members: readonly ListedMember[];
  /** Every account enrolled in the course, and every account linked to or sharing an address with a member. */
  accounts: readonly SyncAccount[];
  enrolments: readonly SyncEnrolment[];
  creatorId: string;
}

export type SyncChange =
  | { field: "role"; from: CourseRole; to: CourseRole }
  | { field: "name"; from: string; to: string }
  | { field: "sisUserId"; from: null; to: string }
  | { field: "lmsStatus"; from: string; to: "Active" }
  | { field: "link"; from: null; to: string };

/** A member to enrol: an existing account (userId), or a new one. */
export interface SyncAdd {
  issuer: string;
  sub: string;
  /** null: a new account. */
  userId: string | null;
  /** The account's address; for a new account null when the LMS gives none (one is made up, see placeholderEmail). */
  email: string | null;
  name: string;
  role: CourseRole;
  sisUserId: string | null;
  /** Whether an LtiUser is made (always for a new account; for an address match). */
  link: boolean;
}

export interface SyncUpdate {
  enrollmentId: string;
  userId: string;
  name: string;
  email: string;
  changes: SyncChange[];
  /** Made when the change list has a link. */
  identity: Identity | null;
}

export interface SyncLeft {
  enrollmentId: string;
  userId: string;
  name: string;
  email: string;
  status: Exclude<MemberStatus, "Active">;
  /** No longer listed at all, rather than listed as inactive or deleted. */
  missing: boolean;
}

export interface SyncKept {
  enrollmentId: string;
  name: string;
  email: string;
  role: CourseRole;
  lmsRole: CourseRole;
  creator: boolean;
}

export type HeldBackReason = "otherIdentity" | "privileged" | "unproven" | "duplicate";

export interface SyncHeldBack {
  sub: string;
  name: string | null;
  email: string;
  reason: HeldBackReason;
}

export interface SyncPlan {
  /** Members listed, after duplicates were merged. */
  listed: number;
  add: SyncAdd[];
  update: SyncUpdate[];
  left: SyncLeft[];
  kept: SyncKept[];
  heldBack: SyncHeldBack[];
  /** Enrolments first seen in the LMS list: marked as from the LMS, nothing shown changes. */
  track: string[];
  /** Listed members who are enrolled with all the LMS says. */
  unchanged: number;
  /** Inactive or deleted members who are not enrolled here: nothing to do. */
  ignored: number;
}

const RANK: Record<CourseRole, number> = { STUDENT: 0, TA: 1, INSTRUCTOR: 2 };

/** How many writes applying the plan makes (what the preview counts as changes). */
export function syncChangeCount(plan: SyncPlan): number {
  return plan.add.length + plan.update.length + plan.left.length + plan.track.length;
}

const key = (issuer: string, sub: string) => `${issuer}\n${sub}`;

/** One entry per LMS identity: a person listed twice (two pages, a platform's duplicate) counts once, at their highest role and active if any listing is. */
function merged(members: readonly ListedMember[]): ListedMember[] {
  const byKey = new Map<string, ListedMember>();
  for (const m of members) {
    const k = key(m.issuer, m.userId);
    const prior = byKey.get(k);
    if (!prior) {
      byKey.set(k, { ...m, roles: [...m.roles] });
      continue;
    }
    prior.roles.push(...m.roles);
    if (m.status === "Active" || (m.status === "Inactive" && prior.status === "Deleted")) prior.status = m.status;
    prior.name ??= m.name;
    prior.email ??= m.email;
    prior.sourcedId ??= m.sourcedId;
  }
  return [...byKey.values()];
}

export function planRosterSync(state: SyncState): SyncPlan {
  const plan: SyncPlan = { listed: 0, add: [], update: [], left: [], kept: [], heldBack: [], track: [], unchanged: 0, ignored: 0 };
  const accounts = new Map(state.accounts.map((a) => [a.userId, a]));
  const byIdentity = new Map<string, SyncAccount>();
  for (const a of state.accounts) for (const id of a.identities) byIdentity.set(key(id.issuer, id.sub), a);
  const byEmail = new Map(state.accounts.map((a) => [a.email.toLowerCase(), a]));
  const enrolments = new Map(state.enrolments.map((e) => [e.userId, e]));
  const sisHolders = new Map(state.enrolments.filter((e) => e.sisUserId).map((e) => [e.sisUserId!, e.userId]));
  const issuers = new Set(state.issuers);
  const members = merged(state.members);
  plan.listed = members.length;

  // Resolve each member to an account first, so one account matched twice is caught.
  type Resolved = { member: ListedMember; account: SyncAccount | null; link: boolean };
  const resolved: Resolved[] = [];
  const claimed = new Map<string, ListedMember>();
  const newEmails = new Set<string>();
  for (const member of members) {
    const linked = byIdentity.get(key(member.issuer, member.userId));
    if (linked) {
      resolved.push({ member, account: linked, link: false });
      continue;
    }
    const candidate = member.email ? byEmail.get(member.email) : undefined;
    if (!candidate) {
      if (member.email && newEmails.has(member.email)) {
        plan.heldBack.push({ sub: member.userId, name: member.name, email: member.email, reason: "duplicate" });
        continue;
      }
      if (member.email) newEmails.add(member.email);
      resolved.push({ member, account: null, link: true });
      continue;
    }
    const reason: HeldBackReason | null = candidate.identities.some((id) => id.issuer === member.issuer)
      ? "otherIdentity"
      : candidate.privileged
        ? "privileged"
        : !candidate.emailProven
          ? "unproven"
          : claimed.has(candidate.userId)
            ? "duplicate"
            : null;
    if (reason) {
      plan.heldBack.push({ sub: member.userId, name: member.name, email: member.email!, reason });
      continue;
    }
    claimed.set(candidate.userId, member);
    resolved.push({ member, account: candidate, link: true });
  }

  const seenUsers = new Set<string>();
  for (const { member, account, link } of resolved) {
    const lmsRole = courseRoleOf(member.roles);
    const enrolment = account ? enrolments.get(account.userId) : undefined;
    if (account) seenUsers.add(account.userId);
    const sis = member.sourcedId && !sisHolders.has(member.sourcedId) ? member.sourcedId : null;

    if (!account || !enrolment) {
      if (member.status !== "Active") {
        plan.ignored++;
        continue;
      }
      if (sis) sisHolders.set(sis, account?.userId ?? key(member.issuer, member.userId));
      plan.add.push({
        issuer: member.issuer,
        sub: member.userId,
        userId: account?.userId ?? null,
        email: account?.email ?? member.email,
        name: account?.name ?? member.name ?? member.email?.split("@")[0] ?? member.sourcedId ?? member.userId,
        role: lmsRole,
        sisUserId: sis,
        link,
      });
      continue;
    }

    if (member.status !== "Active") {
      if (enrolment.lmsStatus === member.status) plan.unchanged++;
      else
        plan.left.push({
          enrollmentId: enrolment.enrollmentId,
          userId: account.userId,
          name: account.name,
          email: account.email,
          status: member.status,
          missing: false,
        });
      continue;
    }

    const changes: SyncChange[] = [];
    if (link) changes.push({ field: "link", from: null, to: member.userId });
    const creator = account.userId === state.creatorId;
    if (lmsRole !== enrolment.role) {
      if (!creator && RANK[lmsRole] > RANK[enrolment.role]) changes.push({ field: "role", from: enrolment.role, to: lmsRole });
      else
        plan.kept.push({
          enrollmentId: enrolment.enrollmentId,
          name: account.name,
          email: account.email,
          role: enrolment.role,
          lmsRole,
          creator,
        });
    }
    if (member.name && member.name !== account.name && !account.hasPassword)
      changes.push({ field: "name", from: account.name, to: member.name });
    if (!enrolment.sisUserId && sis) {
      sisHolders.set(sis, account.userId);
      changes.push({ field: "sisUserId", from: null, to: sis });
    }
    if (enrolment.lmsStatus !== null && enrolment.lmsStatus !== "Active")
      changes.push({ field: "lmsStatus", from: enrolment.lmsStatus, to: "Active" });
    if (changes.length)
      plan.update.push({
        enrollmentId: enrolment.enrollmentId,
        userId: account.userId,
        name: account.name,
        email: account.email,
        changes,
        identity: link ? { issuer: member.issuer, sub: member.userId } : null,
      });
    if (enrolment.lmsStatus === null) plan.track.push(enrolment.enrollmentId);
    if (!changes.length && enrolment.lmsStatus !== null) plan.unchanged++;
  }

  // Enrolments the lists no longer name: marked only when they came from the LMS (a sync saw
  // them, or the account is linked to one of these platforms); people enrolled here by hand are not the LMS's.
  const heldBackEmails = new Set(plan.heldBack.map((h) => h.email));
  for (const enrolment of state.enrolments) {
    if (seenUsers.has(enrolment.userId)) continue;
    const account = accounts.get(enrolment.userId);
    if (!account || heldBackEmails.has(account.email.toLowerCase())) continue;
    const fromLms = enrolment.lmsStatus !== null || account.identities.some((id) => issuers.has(id.issuer));
    if (!fromLms || enrolment.lmsStatus === "Deleted" || enrolment.lmsStatus === "Inactive") continue;
    plan.left.push({
      enrollmentId: enrolment.enrollmentId,
      userId: account.userId,
      name: account.name,
      email: account.email,
      status: "Deleted",
      missing: true,
    });
  }
  return plan;
}
