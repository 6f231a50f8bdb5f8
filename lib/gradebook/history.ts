// A gradebook cell's history, pure: from the AuditLog entries of one student on one quiz (grade
// changes, targeted at the cell; submits, targeted at each attempt) and the attempts' regrade
// marks, the list the cell page shows, newest first. An entry whose detail cannot be read
// (written by an older version, or by hand) is left out rather than shown wrong.
import { z } from "zod";
import { GRADE_ACTIONS } from "./overrides";

export type HistoryAuditRow = {
  at: Date;
  action: string;
  actorName: string | null;
  target: string | null;
  detail: string | null;
};

export type HistoryAttempt = { id: string; number: number; regradedAt: Date | null };

export type HistoryEntry =
  | {
      kind: "override" | "clear";
      at: Date;
      actor: string | null;
      attemptNumber: number | null;
      /** The question's position; null: the whole attempt. */
      position: number | null;
      old: number | null;
      new: number | null;
      reason: string | null;
    }
  | { kind: "excuse" | "unexcuse"; at: Date; actor: string | null; reason: string | null }
  | { kind: "submit"; at: Date; actor: string | null; attemptNumber: number; score: number | null; maxScore: number | null }
  | { kind: "regrade"; at: Date; attemptNumber: number };

const ScoreChange = z.object({
  old: z.number().nullable(),
  new: z.number().nullable(),
  reason: z.string().nullable().optional(),
  attemptId: z.string().optional(),
  position: z.number().int().optional(),
});
const Excusal = z.object({ reason: z.string().nullable().optional() });
const Submit = z.object({ score: z.number().nullable().optional(), maxScore: z.number().nullable().optional() });

function detailOf<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The cell's history, newest first; at the same instant, grade changes before submits and regrades. */
export function cellHistory(rows: readonly HistoryAuditRow[], attempts: readonly HistoryAttempt[]): HistoryEntry[] {
  const numberOf = new Map(attempts.map((a) => [a.id, a.number]));
  const entries: HistoryEntry[] = [];
  for (const row of rows) {
    const actor = row.actorName;
    if (row.action === GRADE_ACTIONS.override || row.action === GRADE_ACTIONS.clear) {
      const d = detailOf(ScoreChange, row.detail);
      if (!d) continue;
      entries.push({
        kind: row.action === GRADE_ACTIONS.override ? "override" : "clear",
        at: row.at,
        actor,
        attemptNumber: d.attemptId ? (numberOf.get(d.attemptId) ?? null) : null,
        position: d.position ?? null,
        old: d.old,
        new: d.new,
        reason: d.reason ?? null,
      });
    } else if (row.action === GRADE_ACTIONS.excuse || row.action === GRADE_ACTIONS.unexcuse) {
      const d = detailOf(Excusal, row.detail);
      if (!d) continue;
      entries.push({ kind: row.action === GRADE_ACTIONS.excuse ? "excuse" : "unexcuse", at: row.at, actor, reason: d.reason ?? null });
    } else if (row.action === "attempt.submit" && row.target && numberOf.has(row.target)) {
      const d = detailOf(Submit, row.detail) ?? {};
      entries.push({
        kind: "submit",
        at: row.at,
        actor,
        attemptNumber: numberOf.get(row.target)!,
        score: d.score ?? null,
        maxScore: d.maxScore ?? null,
      });
    }
  }
  for (const a of attempts) if (a.regradedAt) entries.push({ kind: "regrade", at: a.regradedAt, attemptNumber: a.number });
  const rank = (e: HistoryEntry) => (e.kind === "submit" || e.kind === "regrade" ? 1 : 0);
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || rank(a) - rank(b));
}

/**
 * A saved answer as one readable line, the same in every language (it is what the student
 * typed, in the answer's own notation): a sequence as "A → B → C", a segment as
 * "client SYN seq=100 ack=?", fields as "client: X; server: Y", a blank part as "—".
 */
export function readableAnswer(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    const segments = value.every((v) => typeof v === "object" && v !== null && !Array.isArray(v) && "flags" in v);
    return value.map(readableAnswer).join(segments ? " | " : " → ");
  }
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("flags" in o) {
      const part = (v: unknown) => (v === null || v === undefined || v === "" ? "?" : String(v));
      const head = [o.from, o.flags].filter((v) => typeof v === "string" && v !== "").join(" ");
      const numbers = `seq=${part(o.seq)} ack=${part(o.ack)}`;
      const rest = Object.entries(o)
        .filter(([k]) => !["from", "flags", "seq", "ack"].includes(k))
        .map(([k, v]) => `${k}: ${readableAnswer(v)}`);
      return [`${head || "—"} ${numbers}`, ...rest].join("; ");
    }
    const entries = Object.entries(o).filter(([k]) => k !== "kind");
    if (entries.length === 0) return "—";
    return entries.map(([k, v]) => `${k}: ${readableAnswer(v)}`).join("; ");
  }
  return String(value);
}
