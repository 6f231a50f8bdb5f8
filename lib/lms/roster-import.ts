// The roster import and the roster's identifiers (docs/roster-import.md): preview a file
// against the course, apply it in one transaction, and edit one enrolment's section and LMS
// identifiers. The apply computes the plan again inside its transaction; when that differs
// from the preview the caller saw (its digest), nothing is written and the new plan is
// returned, so what the preview showed is what happens, or the caller is told what changed.
import { createHash } from "node:crypto";
import { auditCreate } from "../audit";
import { inviteAndEnroll } from "../courses/enroll";
import { createEnrollments } from "../courses/enrollment-queries";
import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { readRosterFile, fieldName, type RosterFile } from "./roster-file";
import { planRoster, type RosterPlan } from "./roster-plan";
import { accountsByEmail, courseMember, courseMembers, setEnrollmentFields, writeEnrollmentFields } from "./roster-queries";
import { IDENTIFIER_FIELDS, type EnrollmentFields } from "./roster-schemas";

/** A plan and the digest that names it: what the preview shows, and the apply expects. */
export type RosterPreview = { plan: RosterPlan; digest: string };

export type ApplyOutcome = { applied: true; preview: RosterPreview } | { applied: false; preview: RosterPreview };

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// An import of a few thousand rows writes three rows per new account: more than Prisma's 5 s default.
const TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

/** The file read, or a 422 naming the line that stops it. */
function fileOf(text: string): RosterFile {
  const read = readRosterFile(text);
  if (!read.ok) throw new AppError("UNPROCESSABLE", read.problem.message);
  return read.file;
}

function digestOf(plan: RosterPlan): string {
  return createHash("sha256").update(JSON.stringify(plan)).digest("hex");
}

async function planFor(db: Db | Tx, courseId: string, file: RosterFile): Promise<RosterPreview> {
  const [members, accounts] = await Promise.all([
    courseMembers(db, courseId),
    accountsByEmail(
      db,
      file.entries.map((e) => e.email),
    ),
  ]);
  const plan = planRoster(file, { members, accounts });
  return { plan, digest: digestOf(plan) };
}

/** What the file would change in the course; nothing is written. */
export async function previewRoster(db: Db, courseId: string, text: string): Promise<RosterPreview> {
  return planFor(db, courseId, fileOf(text));
}

/**
 * Applies the file in one transaction. With `expected` (a preview's digest), only if the plan
 * is still that one; otherwise `applied: false` with the plan as it is now.
 */
export async function applyRoster(
  db: Db,
  courseId: string,
  actorId: string,
  text: string,
  expected: string | null,
  now = new Date(),
): Promise<ApplyOutcome> {
  const file = fileOf(text);
  try {
    return await db.$transaction(async (tx) => {
      const preview = await planFor(tx, courseId, file);
      if (expected !== null && preview.digest !== expected) return { applied: false, preview };
      await write(tx, courseId, preview.plan, now);
      await auditCreate(tx, {
        actorId,
        courseId,
        action: "roster.import",
        detail: {
          shape: preview.plan.shape,
          invited: preview.plan.invite.length,
          enrolled: preview.plan.enrol.length,
          updated: preview.plan.update.length,
          unchanged: preview.plan.unchanged,
          refused: preview.plan.refused.length,
          digest: preview.digest,
        },
        at: now,
      });
      return { applied: true, preview };
    }, TRANSACTION);
  } catch (error) {
    // Someone made one of these accounts or enrolments between the plan and the write.
    if ((error as { code?: unknown }).code === "P2002") return { applied: false, preview: await planFor(db, courseId, file) };
    throw error;
  }
}

async function write(tx: Tx, courseId: string, plan: RosterPlan, now: Date): Promise<void> {
  await inviteAndEnroll(
    tx,
    plan.invite.map((p) => ({ email: p.email, name: p.name, enrollment: { courseId, role: "STUDENT", section: p.section, ...p.ids } })),
    now,
  );
  await createEnrollments(
    tx,
    plan.enrol.map((p) => ({ courseId, userId: p.userId, role: "STUDENT", section: p.section, ...p.ids })),
  );
  // Students given the same values (a section, usually) are changed by one statement.
  const same = new Map<string, { values: Record<string, string>; ids: string[] }>();
  for (const u of plan.update) {
    const values = Object.fromEntries(u.changes.map((c) => [c.field, c.to]));
    const key = JSON.stringify(values);
    const group = same.get(key) ?? same.set(key, { values, ids: [] }).get(key)!;
    group.ids.push(u.enrollmentId);
  }
  for (const { values, ids } of same.values()) await setEnrollmentFields(tx, ids, values);
}

/**
 * Sets one enrolment's section and identifiers (an empty field clears it), recorded with what
 * it was. An identifier another enrolment of the course holds is refused (409): grade files
 * match students by it.
 */
export async function updateEnrollmentFields(db: Db, courseId: string, actorId: string, enrollmentId: string, values: EnrollmentFields) {
  const member = await courseMember(db, courseId, enrollmentId);
  if (!member) throw new AppError("NOT_FOUND", msg("rosterImport.edit.notFound"));
  const others = (await courseMembers(db, courseId)).filter((m) => m.enrollmentId !== enrollmentId);
  for (const field of IDENTIFIER_FIELDS) {
    const value = values[field];
    const holder = value ? others.find((m) => m.ids[field] === value) : undefined;
    if (holder)
      throw new AppError("CONFLICT", msg("rosterImport.edit.taken", { field: fieldName(field), value: value!, owner: holder.name }));
  }
  const before = { section: member.section, ...member.ids };
  await writeEnrollmentFields(db, enrollmentId, values, {
    actorId,
    courseId,
    action: "enrollment.fields",
    target: member.userId,
    detail: { before, after: values },
  });
}
