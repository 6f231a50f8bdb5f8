// The roster sync with the LMS (docs/lti.md §6): read the membership lists of the LMS courses
// linked to a course, preview what they would change (lib/lti/roster-sync-plan.ts), and apply
// that in one transaction. The lists are read again for the apply, and the plan computed again
// inside its transaction; when it differs from the preview the instructor saw (its digest),
// nothing is written and the new plan is returned: what the preview showed is what happens, or
// the instructor is shown what changed.
import { createHash, randomUUID } from "node:crypto";
import { auditCreate } from "../audit";
import { createInvitedUsers } from "../auth/queries";
import { inviteAndEnroll } from "../courses/enroll";
import { createEnrollments } from "../courses/enrollment-queries";
import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { fetchMemberships } from "./nrps";
import { placeholderEmail } from "./placeholder-email";
import { planRosterSync, type Identity, type ListedMember, type SyncPlan } from "./roster-sync-plan";
import { createIdentities, markLmsStatus, renameUser, syncContexts, syncStateOf, updateEnrolment } from "./roster-sync-queries";
import type { Fetch } from "./service-token";

/** A plan, the digest that names it, and the LMS courses it was read from. */
export type SyncPreview = { plan: SyncPlan; digest: string; sources: { title: string | null; label: string | null; pages: number }[] };

export type SyncOutcome = { applied: boolean; preview: SyncPreview };

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// A course of a few thousand writes a few rows per new member: more than Prisma's 5 s default.
const TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

type Options = { fetch?: Fetch; now?: Date };
type Listing = { issuers: string[]; members: ListedMember[]; sources: SyncPreview["sources"] };

function digestOf(plan: SyncPlan): string {
  return createHash("sha256").update(JSON.stringify(plan)).digest("hex");
}

/** Every member of every LMS course linked to the course; throws a MembershipsError when one cannot be read. */
async function listing(db: Db, courseId: string, options: Options): Promise<Listing> {
  const contexts = await syncContexts(db, courseId);
  if (!contexts.length) throw new AppError("NOT_FOUND", msg("ltiRoster.error.noContext"));
  const result: Listing = { issuers: [], members: [], sources: [] };
  for (const c of contexts) {
    const { members, pages } = await fetchMemberships(db, c.platform, c.membershipsUrl!, { fetch: options.fetch });
    result.issuers.push(c.platform.issuer);
    result.members.push(...members.map((m) => ({ ...m, issuer: c.platform.issuer })));
    result.sources.push({ title: c.title, label: c.label, pages });
  }
  return result;
}

async function planFor(db: Db | Tx, courseId: string, list: Listing): Promise<SyncPreview> {
  const state = await syncStateOf(db, courseId, list.members);
  if (!state) throw new AppError("NOT_FOUND", msg("errors.course.notFound"));
  const plan = planRosterSync({ ...state, issuers: list.issuers, members: list.members });
  return { plan, digest: digestOf(plan), sources: list.sources };
}

/** What the LMS lists would change in the course; nothing is written. */
export async function previewRosterSync(db: Db, courseId: string, options: Options = {}): Promise<SyncPreview> {
  return planFor(db, courseId, await listing(db, courseId, options));
}

/**
 * Applies the LMS lists in one transaction. With `expected` (a preview's digest), only if the
 * plan is still that one; otherwise `applied: false` with the plan as it is now.
 */
export async function applyRosterSync(
  db: Db,
  courseId: string,
  actorId: string,
  expected: string | null,
  options: Options = {},
): Promise<SyncOutcome> {
  const now = options.now ?? new Date();
  const list = await listing(db, courseId, options);
  try {
    return await db.$transaction(async (tx) => {
      const preview = await planFor(tx, courseId, list);
      if (expected !== null && preview.digest !== expected) return { applied: false, preview };
      await write(tx, courseId, preview.plan, now);
      const { plan } = preview;
      await auditCreate(tx, {
        actorId,
        courseId,
        action: "roster.sync",
        detail: {
          listed: plan.listed,
          added: plan.add.length,
          updated: plan.update.length,
          left: plan.left.length,
          kept: plan.kept.length,
          heldBack: plan.heldBack.length,
          unchanged: plan.unchanged,
          digest: preview.digest,
        },
        at: now,
      });
      return { applied: true, preview };
    }, TRANSACTION);
  } catch (error) {
    // Someone made one of these accounts, identities or enrolments between the plan and the write.
    if ((error as { code?: unknown }).code === "P2002") return { applied: false, preview: await planFor(db, courseId, list) };
    throw error;
  }
}

async function write(tx: Tx, courseId: string, plan: SyncPlan, now: Date): Promise<void> {
  const identities: (Identity & { userId: string })[] = [];
  const enrolment = (p: SyncPlan["add"][number]) => ({
    courseId,
    role: p.role,
    section: null,
    sisUserId: p.sisUserId,
    lmsStatus: "Active",
  });

  const existing = plan.add.filter((p) => p.userId !== null);
  await createEnrollments(
    tx,
    existing.map((p) => ({ ...enrolment(p), userId: p.userId! })),
  );
  // People with an address get an invitation to it (a password of their own, besides the LMS), as enrolment by email does.
  const invited = plan.add.filter((p) => p.userId === null && p.email !== null);
  const invitedIds = await inviteAndEnroll(
    tx,
    invited.map((p) => ({ email: p.email!, name: p.name, enrollment: enrolment(p) })),
    now,
  );
  // Without an address nobody could receive an invitation: the account is reached from the LMS only.
  const unreachable = plan.add.filter((p) => p.userId === null && p.email === null);
  const unreachableIds = unreachable.map(() => randomUUID());
  await createInvitedUsers(
    tx,
    unreachable.map((p, i) => ({ id: unreachableIds[i], email: placeholderEmail(p.issuer, p.sub), name: p.name })),
  );
  await createEnrollments(
    tx,
    unreachable.map((p, i) => ({ ...enrolment(p), userId: unreachableIds[i] })),
  );
  for (const p of existing) if (p.link) identities.push({ issuer: p.issuer, sub: p.sub, userId: p.userId! });
  invited.forEach((p, i) => identities.push({ issuer: p.issuer, sub: p.sub, userId: invitedIds[i] }));
  unreachable.forEach((p, i) => identities.push({ issuer: p.issuer, sub: p.sub, userId: unreachableIds[i] }));

  for (const u of plan.update) {
    if (u.identity) identities.push({ ...u.identity, userId: u.userId });
    const data: Parameters<typeof updateEnrolment>[2] = {};
    for (const c of u.changes) {
      if (c.field === "role") data.role = c.to;
      else if (c.field === "sisUserId") data.sisUserId = c.to;
      else if (c.field === "lmsStatus") Object.assign(data, { lmsStatus: "Active", lmsLeftAt: null });
      else if (c.field === "name") await renameUser(tx, u.userId, c.to);
    }
    if (Object.keys(data).length) await updateEnrolment(tx, u.enrollmentId, data);
  }
  await createIdentities(tx, identities);
  await markLmsStatus(tx, plan.track, "Active", null);
  for (const status of ["Inactive", "Deleted"] as const)
    await markLmsStatus(
      tx,
      plan.left.filter((l) => l.status === status).map((l) => l.enrollmentId),
      status,
      now,
    );
}
