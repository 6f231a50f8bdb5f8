// Enrolment: by an instructor pasting emails (creating invited accounts for new people),
// or by a student typing the course's join code.
//
// An email is not proof of who owns the account behind it: anyone may sign up with any address
// before the instructor enrols it. So a staff role (TA, instructor) goes at once only to an
// account that has proven its email (it claimed an invite link, or confirmed an earlier staff
// offer) or that is itself a fresh invitation (the claim proves it). Any other existing account
// gets an offer instead: a one-time link the instructor sends to that address; the role is
// granted when it is opened by the person signed in as that very account (acceptStaffInvite).
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { writeAudit } from "../audit";
import { INVITE_DAYS } from "../auth/constants";
import { createFirstInvites } from "../auth/invites";
import { createInvitedUsers, userByEmail } from "../auth/queries";
import type { CourseRole } from "../auth/roles";
import {
  acceptStaffInviteRows,
  courseIdByJoinCode,
  createEnrollment,
  createEnrollments,
  enrollmentOf,
  staffInviteByToken,
  upsertStaffInvite,
  type NewEnrollmentRow,
  type StaffInviteView,
} from "./enrollment-queries";

/** What making invited accounts and their enrolments writes through: the client, or a transaction. */
export type InviteWriter = Pick<Db, "user" | "verification" | "enrollment">;

/** A person to invite: their address, the name to give the account (null: the address's), their enrolment. */
export interface Invitee {
  email: string;
  name: string | null;
  enrollment: Omit<NewEnrollmentRow, "userId">;
}

/**
 * New accounts as invitations (no password until the owner opens the claim link, which the
 * roster shows to instructors), each enrolled: the one way accounts are made for people, for
 * enrolment by email and the roster import alike. Three statements for any number of people
 * (a few more past 500), so a class-sized import holds a transaction briefly. Returns their ids.
 */
export async function inviteAndEnroll(db: InviteWriter, invitees: readonly Invitee[], now: Date): Promise<string[]> {
  const users = invitees.map((p) => ({ id: randomUUID(), email: p.email, name: p.name || p.email.split("@")[0] }));
  await createInvitedUsers(db, users);
  await createFirstInvites(
    db,
    users.map((u) => u.id),
    now,
  );
  await createEnrollments(
    db,
    invitees.map((p, i) => ({ ...p.enrollment, userId: users[i].id })),
  );
  return users.map((u) => u.id);
}

/** What happened to each person, each counted once: the counts add up to the addresses given. */
export interface EnrollResult {
  /** Existing accounts enrolled. */
  added: number;
  /** New accounts created as invitations, and enrolled. */
  invited: number;
  alreadyEnrolled: number;
  /** Existing accounts offered a staff role, each with the token of the link that grants it. */
  offered: { email: string; token: string }[];
}

export async function enrollByEmail(
  db: Db,
  courseId: string,
  actorId: string,
  emails: string[],
  role: CourseRole,
  section: string | null,
  now = new Date(),
): Promise<EnrollResult> {
  const result: EnrollResult = { added: 0, invited: 0, alreadyEnrolled: 0, offered: [] };
  for (const email of emails) {
    const existing = await userByEmail(db, email);
    if (!existing) {
      await inviteAndEnroll(db, [{ email, name: null, enrollment: { courseId, role, section } }], now);
      result.invited++;
      continue;
    }
    const userId = existing.id;
    if (await enrollmentOf(db, courseId, userId)) {
      result.alreadyEnrolled++;
      continue;
    }
    if (role !== "STUDENT" && existing && !existing.emailVerified && !existing.invited) {
      const token = randomBytes(24).toString("base64url");
      await upsertStaffInvite(db, {
        token,
        courseId,
        userId,
        role,
        section,
        expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000),
      });
      result.offered.push({ email, token });
      continue;
    }
    await createEnrollment(db, { courseId, userId, role, section });
    result.added++;
  }
  const { offered, ...counts } = result;
  await writeAudit(db, { actorId, courseId, action: "enrollment.by-email", detail: { role, section, ...counts, offered: offered.length } });
  return result;
}

/** The open staff offer with this token, or null (unknown, or expired). */
export async function findStaffInvite(db: Db, token: string, now = new Date()): Promise<StaffInviteView | null> {
  const invite = await staffInviteByToken(db, token);
  return invite && invite.expiresAt > now ? invite : null;
}

export type AcceptOutcome = { ok: true; courseId: string } | { ok: false; reason: "gone" | "other-account" };

/** `userId` accepts the staff offer with this token: only the account it was made for can. */
export async function acceptStaffInvite(db: Db, token: string, userId: string, now = new Date()): Promise<AcceptOutcome> {
  const invite = await findStaffInvite(db, token, now);
  if (!invite) return { ok: false, reason: "gone" };
  if (invite.userId !== userId) return { ok: false, reason: "other-account" };
  const accepted = await acceptStaffInviteRows(db, invite, {
    actorId: userId,
    courseId: invite.courseId,
    action: "enrollment.staff-invite-accepted",
    target: userId,
    detail: { role: invite.role },
  });
  return accepted ? { ok: true, courseId: invite.courseId } : { ok: false, reason: "gone" };
}

/** Enrols the user as a student of the course with this join code; returns the course id, or null. */
export async function joinByCode(db: Db, userId: string, joinCode: string): Promise<{ courseId: string; already: boolean } | null> {
  const course = await courseIdByJoinCode(db, joinCode);
  if (!course) return null;
  if (await enrollmentOf(db, course.id, userId)) return { courseId: course.id, already: true };
  await createEnrollment(db, { courseId: course.id, userId, role: "STUDENT", section: null });
  await writeAudit(db, { actorId: userId, courseId: course.id, action: "enrollment.join-code" });
  return { courseId: course.id, already: false };
}
