// The regrade runner, off the request path: the operation that creates a job schedules
// runJob with next/server's after() (the response goes out first), and so does a poll that
// finds the job QUEUED or RUNNING with a stale heartbeat (its runner was cut off: a restart, a
// crash). A job is QUEUED → RUNNING (progress and a heartbeat every chunk) → DONE or FAILED. It
// computes first, then, for an APPLY, writes every change in ONE transaction, each response's
// write conditional on it still holding what was read. Nothing here waits on a browser: the
// page only polls, so closing it loses nothing.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Db } from "../db/client";
import type { ScoreRule } from "../db/quiz-values";
import { scoreChanged } from "../attempts/score-changes";
import { planRegrade, type PlanAttempt, type RegradePlan } from "./plan";
import {
  applyRegradeWrites,
  claimJob,
  failJob,
  finishJob,
  heartbeat,
  jobById,
  responsesInScope,
  rewriteJobResult,
  versionsOfKeys,
  type JobRow,
  type RegradeScope,
  type ResponseWrite,
  type ScopeResponseRow,
  type VersionRow,
} from "./queries";
import { regradeResponse, type RegradeOutcome } from "./regrade";

/** A RUNNING job whose heartbeat is older than this was cut off, and is run again when polled. */
export const STALE_AFTER_MS = 30_000;
/** Responses graded between two heartbeats (and two turns of the event loop). */
const CHUNK = 250;

/** What an APPLY wrote; a dry run has none. */
export interface AppliedResult {
  written: number;
  /** Responses that changed between the read and the write (a concurrent regrade or override): left as they were. */
  skipped: string[];
}

export type JobResult = RegradePlan & { applied?: AppliedResult };

export function scopeOf(job: Pick<JobRow, "quizId" | "bankId" | "questionKey">): RegradeScope {
  if (job.quizId) return { quizId: job.quizId };
  return { bankId: job.bankId ?? "", questionKey: job.questionKey ?? "" };
}

function inScope(scope: RegradeScope, row: ScopeResponseRow): boolean {
  return "quizId" in scope || (row.bankId === scope.bankId && row.questionKey === scope.questionKey);
}

const clock = () => new Date();

/**
 * Runs a job if it is there to be run (QUEUED, or RUNNING with a stale heartbeat); returns
 * without doing anything if another runner holds it or it is finished. Never throws: a failure
 * is written to the job.
 */
export async function runJob(db: Db, jobId: string, now: () => Date = clock): Promise<void> {
  const startedAt = now();
  if ((await claimJob(db, jobId, startedAt, new Date(startedAt.getTime() - STALE_AFTER_MS))) !== 1) return;
  try {
    const job = await jobById(db, jobId);
    if (!job) return;
    await execute(db, job, startedAt, now);
  } catch (error) {
    await failJob(db, jobId, startedAt, error instanceof Error ? error.message : String(error), now()).catch(() => undefined);
  }
}

class TakenOver extends Error {}

async function execute(db: Db, job: JobRow, startedAt: Date, now: () => Date): Promise<void> {
  const scope = scopeOf(job);
  const rows = await responsesInScope(db, job.courseId, scope);
  const versions = await versionsOfKeys(db, [
    ...new Map(rows.map((r) => [`${r.bankId}\u0000${r.questionKey}`, { bankId: r.bankId, key: r.questionKey }])).values(),
  ]);
  const byId = new Map<string, VersionRow>(versions.map((v) => [v.id, v]));
  const newest = new Map<string, VersionRow>();
  for (const v of versions) {
    const key = `${v.bankId}\u0000${v.key}`;
    const best = newest.get(key);
    if (!best || v.version > best.version) newest.set(key, v);
  }
  const targets = rows.filter((r) => inScope(scope, r));
  const total = targets.length;
  const outcomes = new Map<string, RegradeOutcome>();
  for (let i = 0; i < targets.length; i += CHUNK) {
    for (const r of targets.slice(i, i + CHUNK)) {
      const stored = byId.get(r.questionId)!;
      const latest = job.latestVersion ? (newest.get(`${r.bankId}\u0000${r.questionKey}`) ?? null) : null;
      outcomes.set(
        r.responseId,
        regradeResponse({
          responseId: r.responseId,
          seed: r.seed,
          answer: r.answer,
          stored: { questionId: stored.id, version: stored.version, template: stored.template },
          latest: latest ? { questionId: latest.id, version: latest.version, template: latest.template } : null,
          points: r.itemPoints ?? r.maxScore,
          old: { score: r.score ?? 0, maxScore: r.maxScore, feedback: r.feedback, graderVersion: r.graderVersion },
        }),
      );
    }
    if ((await heartbeat(db, job.id, startedAt, { total, done: Math.min(total, i + CHUNK) }, now())) !== 1) throw new TakenOver();
    await nextTurn();
  }
  const plan = planRegrade(planAttempts(rows, outcomes), job.keepOverrides);
  if (job.mode !== "APPLY") {
    await finishJob(
      db,
      job.id,
      startedAt,
      { total, done: total, changed: plan.changes.length, result: JSON.stringify(plan satisfies JobResult) },
      now(),
    );
    return;
  }
  const writes: ResponseWrite[] = [];
  for (const r of targets) {
    const o = outcomes.get(r.responseId)!;
    if (!o.changed) continue;
    writes.push({
      responseId: r.responseId,
      attemptId: r.attemptId,
      score: o.score,
      maxScore: o.maxScore,
      feedback: o.feedback,
      graderVersion: o.graderVersion,
      questionId: o.questionId,
      scoreChanged: o.scoreChanged,
      clearOverride: !job.keepOverrides && o.scoreChanged && r.overrideScore !== null,
      read: {
        score: r.score,
        feedback: r.feedback,
        graderVersion: r.graderVersion,
        questionId: r.questionId,
        overrideScore: r.overrideScore,
      },
    });
  }
  const at = now();
  const result: JobResult = { ...plan, applied: { written: writes.length, skipped: [] } };
  const audit = {
    actorId: job.createdById,
    courseId: job.courseId,
    action: "regrade.apply",
    target: job.id,
    detail: {
      jobId: job.id,
      scope,
      keepOverrides: job.keepOverrides,
      latestVersion: job.latestVersion,
      responses: total,
      changed: plan.changes.length,
      refreshed: plan.refreshed,
      attempts: plan.attempts.length,
      students: plan.students.length,
    },
    at,
  };
  const outcome = await applyRegradeWrites(
    db,
    job.id,
    startedAt,
    writes,
    { total, done: total, changed: plan.changes.length, result: JSON.stringify(result) },
    audit,
    at,
  );
  if (outcome.finished)
    await tellScoreChanges(
      db,
      rows,
      writes.filter((_, k) => outcome.written[k]),
      at,
    );
  const skipped = writes.filter((_, k) => !outcome.written[k]).map((w) => w.responseId);
  if (skipped.length > 0 && outcome.finished) {
    // Said in the result; those responses keep what another change gave them.
    await rewriteJobResult(db, job.id, JSON.stringify({ ...result, applied: { written: writes.length - skipped.length, skipped } }));
  }
}

/** The students whose attempts a written change touched, quiz by quiz: their counted scores may have moved. */
async function tellScoreChanges(db: Db, rows: readonly ScopeResponseRow[], written: readonly ResponseWrite[], at: Date): Promise<void> {
  const attemptIds = new Set(written.filter((w) => w.scoreChanged || w.clearOverride).map((w) => w.attemptId));
  const byQuiz = new Map<string, Set<string>>();
  for (const r of rows)
    if (attemptIds.has(r.attemptId)) (byQuiz.get(r.quizId) ?? byQuiz.set(r.quizId, new Set()).get(r.quizId)!).add(r.userId);
  for (const [quizId, userIds] of byQuiz) await scoreChanged(db, { quizId, userIds: [...userIds] }, at);
}

/** The rows grouped by attempt, in the order read, with the outcomes of those in scope. */
function planAttempts(rows: readonly ScopeResponseRow[], outcomes: ReadonlyMap<string, RegradeOutcome>): PlanAttempt[] {
  const attempts = new Map<string, PlanAttempt>();
  for (const r of rows) {
    let a = attempts.get(r.attemptId);
    if (!a) {
      a = {
        attemptId: r.attemptId,
        quizId: r.quizId,
        quizTitle: r.quizTitle,
        rule: r.scoreRule as ScoreRule,
        userId: r.userId,
        studentName: r.studentName,
        number: r.number,
        score: r.attemptScore ?? 0,
        maxScore: r.attemptMax ?? 0,
        overrideScore: r.attemptOverride,
        responses: [],
      };
      attempts.set(r.attemptId, a);
    }
    a.responses.push({
      responseId: r.responseId,
      position: r.position,
      questionKey: r.questionKey,
      score: r.score ?? 0,
      maxScore: r.maxScore,
      overrideScore: r.overrideScore,
      outcome: outcomes.get(r.responseId),
    });
  }
  return [...attempts.values()];
}
