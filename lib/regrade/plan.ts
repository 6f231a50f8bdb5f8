// What a regrade does to the totals, pure: from each attempt's stored responses and the
// regrade of those in scope, every response whose score moves (old → new, with the reasons),
// every attempt whose total moves, and every student whose counted score of a quiz moves (by
// the quiz's rule, lib/attempts/rules.ts). The same plan is what a dry run shows and what an
// apply writes, so the two cannot disagree.
import { countedScore } from "../attempts/rules";
import type { ScoreRule } from "../db/quiz-values";
import { sameScore, type RegradeNote, type RegradeOutcome, type RegradeReason } from "./regrade";

export interface PlanResponse {
  responseId: string;
  position: number;
  questionKey: string;
  score: number;
  maxScore: number;
  overrideScore: number | null;
  /** The regrade of this response; absent: out of scope (another question), it stays as it is. */
  outcome?: RegradeOutcome;
}

export interface PlanAttempt {
  attemptId: string;
  quizId: string;
  quizTitle: string;
  rule: ScoreRule;
  userId: string;
  studentName: string;
  number: number;
  score: number;
  maxScore: number;
  overrideScore: number | null;
  responses: PlanResponse[];
}

export interface ResponseChange {
  responseId: string;
  attemptId: string;
  quizId: string;
  userId: string;
  studentName: string;
  number: number;
  position: number;
  questionKey: string;
  oldScore: number;
  newScore: number;
  oldMax: number;
  newMax: number;
  /** The staff's override of this answer: kept (it still counts), or cleared by this regrade. */
  override: { score: number; cleared: boolean } | null;
  reasons: RegradeReason[];
}

export interface AttemptChange {
  attemptId: string;
  quizId: string;
  userId: string;
  number: number;
  oldScore: number;
  newScore: number;
  oldMax: number;
  newMax: number;
  /** The attempt's own override still replaces its total where it counts. */
  overridden: boolean;
}

export interface StudentChange {
  userId: string;
  studentName: string;
  quizId: string;
  quizTitle: string;
  old: { score: number; maxScore: number };
  new: { score: number; maxScore: number };
}

export interface RegradePlan {
  /** Responses regraded. */
  total: number;
  /** Responses whose score or maximum moves. */
  changes: ResponseChange[];
  /** Responses whose feedback or grader version is refreshed with the same score. */
  refreshed: number;
  /** Responses graded with the version they saw although a newer one exists (their variant differs in it). */
  kept: { responseId: string; note: RegradeNote }[];
  attempts: AttemptChange[];
  students: StudentChange[];
}

/** The score a response counts with after the regrade: its override when kept, else the new grade. */
function effectiveAfter(r: PlanResponse, keepOverrides: boolean): number {
  const score = r.outcome ? r.outcome.score : r.score;
  if (r.overrideScore === null) return score;
  if (keepOverrides || !r.outcome?.scoreChanged) return r.overrideScore;
  return score;
}

export function planRegrade(attempts: readonly PlanAttempt[], keepOverrides: boolean): RegradePlan {
  const plan: RegradePlan = { total: 0, changes: [], refreshed: 0, kept: [], attempts: [], students: [] };
  const after = new Map<string, { score: number; maxScore: number }>();
  for (const a of attempts) {
    let score = 0;
    let maxScore = 0;
    for (const r of a.responses) {
      score += effectiveAfter(r, keepOverrides);
      maxScore += r.outcome ? r.outcome.maxScore : r.maxScore;
      const o = r.outcome;
      if (!o) continue;
      plan.total++;
      for (const note of o.notes) plan.kept.push({ responseId: r.responseId, note });
      if (o.scoreChanged) {
        plan.changes.push({
          responseId: r.responseId,
          attemptId: a.attemptId,
          quizId: a.quizId,
          userId: a.userId,
          studentName: a.studentName,
          number: a.number,
          position: r.position,
          questionKey: r.questionKey,
          oldScore: r.score,
          newScore: o.score,
          oldMax: r.maxScore,
          newMax: o.maxScore,
          override: r.overrideScore === null ? null : { score: r.overrideScore, cleared: !keepOverrides },
          reasons: o.reasons,
        });
      } else if (o.changed) plan.refreshed++;
    }
    after.set(a.attemptId, { score, maxScore });
    if (!sameScore(score, a.score) || !sameScore(maxScore, a.maxScore)) {
      plan.attempts.push({
        attemptId: a.attemptId,
        quizId: a.quizId,
        userId: a.userId,
        number: a.number,
        oldScore: a.score,
        newScore: score,
        oldMax: a.maxScore,
        newMax: maxScore,
        overridden: a.overrideScore !== null,
      });
    }
  }
  const byStudentQuiz = new Map<string, PlanAttempt[]>();
  for (const a of attempts) {
    const key = `${a.userId}\u0000${a.quizId}`;
    byStudentQuiz.set(key, [...(byStudentQuiz.get(key) ?? []), a]);
  }
  for (const group of byStudentQuiz.values()) {
    const first = group[0];
    const before = countedScore(
      first.rule,
      group.map((a) => ({ number: a.number, status: "SUBMITTED", score: a.score, maxScore: a.maxScore, overrideScore: a.overrideScore })),
    );
    const now = countedScore(
      first.rule,
      group.map((a) => ({ number: a.number, status: "SUBMITTED", ...after.get(a.attemptId)!, overrideScore: a.overrideScore })),
    );
    if (!before || !now) continue;
    if (sameScore(before.score, now.score) && sameScore(before.maxScore, now.maxScore)) continue;
    plan.students.push({
      userId: first.userId,
      studentName: first.studentName,
      quizId: first.quizId,
      quizTitle: first.quizTitle,
      old: { score: before.score, maxScore: before.maxScore },
      new: { score: now.score, maxScore: now.maxScore },
    });
  }
  plan.students.sort((x, y) => x.studentName.localeCompare(y.studentName) || x.quizTitle.localeCompare(y.quizTitle));
  return plan;
}
