// The one audit-log writer: who did what, to what, when. Every entry in the AuditLog table is
// written here, on request paths and in scripts alike, as a statement on its own or as part of
// an atomic batch (lib/db/sql.ts).
import { randomUUID } from "node:crypto";
import type { AuditLog } from "./db/generated/sqlite/client";
import { sqlOf, type Db } from "./db/client";
import type { SqlStatement } from "./db/sql";

export type AuditEntry = {
  action: string;
  actorId?: string | null;
  courseId?: string | null;
  target?: string | null;
  /** Serialized as JSON. */
  detail?: unknown;
  at?: Date;
};

type AuditRow = Pick<AuditLog, "id" | "at" | "actorId" | "courseId" | "action" | "target" | "detail">;

function row(entry: AuditEntry, id: string = randomUUID()): AuditRow {
  return {
    id,
    at: entry.at ?? new Date(),
    actorId: entry.actorId ?? null,
    courseId: entry.courseId ?? null,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail === undefined || entry.detail === null ? null : JSON.stringify(entry.detail),
  };
}

/** The INSERT for `entry`, to run inside a batch with the change it records. */
export function auditStatement(entry: AuditEntry, id?: string): SqlStatement {
  const r = row(entry, id);
  return {
    text: `INSERT INTO "AuditLog" ("id", "at", "actorId", "courseId", "action", "target", "detail") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    params: [r.id, r.at, r.actorId, r.courseId, r.action, r.target, r.detail],
  };
}

/** Records `entry` now. */
export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  const statement = auditStatement(entry);
  await sqlOf(db).run(statement.text, statement.params);
}

/**
 * The INSERT for `entry` under `id`, doing nothing when an entry with that id exists: for an
 * event that happens once however often the request reporting it is repeated (an attempt's
 * submit, recorded again by the submit that repairs a crash in the middle of one).
 */
export function auditOnceStatement(id: string, entry: AuditEntry): SqlStatement {
  const statement = auditStatement(entry, id);
  return { text: `${statement.text} ON CONFLICT ("id") DO NOTHING`, params: statement.params };
}

/** The same entry as a Prisma write, for a Prisma batch (`db.$transaction([...])`) or transaction client. */
export function auditCreate(db: Pick<Db, "auditLog">, entry: AuditEntry) {
  return db.auditLog.create({ data: row(entry) });
}
