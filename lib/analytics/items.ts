// Item analysis of one quiz, for staff: reads the quiz's submitted attempts (item-queries.ts),
// keeps each student's first, and computes the statistics (stats.ts, defined in
// docs/analytics.md). Takes the database first, like every service (lib/db/bind.ts).
import "server-only";
import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { templateOf } from "../questions";
import { AppError } from "../server/errors";
import type { AnalyticsQuizOption, ItemAnalytics } from "./schemas";
import { analyticsQuiz, analyticsQuizzes, studentSections, submittedAttempts, type SubmittedAttemptRow } from "./item-queries";
import { groupStats, itemStats, quizSummary, sectionStats, timeOnResponses, type AnalysedAttempt, type ItemInfo } from "./stats";

/** The quizzes the analytics page offers, oldest first. */
export async function quizOptions(db: Db, courseId: string): Promise<AnalyticsQuizOption[]> {
  return (await analyticsQuizzes(db, courseId)).map(({ id, title, published, submitted }) => ({ id, title, published, submitted }));
}

/** Each student's first submitted attempt, in the form the statistics take. */
export function analysedAttempts(rows: readonly SubmittedAttemptRow[], sections: ReadonlyMap<string, string | null>): AnalysedAttempt[] {
  const first = new Map<string, SubmittedAttemptRow>();
  for (const row of rows) {
    if (!sections.has(row.userId)) continue;
    const seen = first.get(row.userId);
    if (!seen || row.number < seen.number) first.set(row.userId, row);
  }
  return [...first.values()].map((a) => {
    const graded = a.responses.filter((r) => r.score !== null);
    const times = timeOnResponses(
      a.startedAt.getTime(),
      a.responses.flatMap((r) => r.saves.map((s) => ({ responseId: r.id, at: s.savedAt.getTime() }))),
    );
    const responses = graded.map((r) => ({
      item: `${r.question.bankId}:${r.question.key}`,
      score: r.overrideScore ?? r.score!,
      maxScore: r.maxScore,
      timeSec: times.get(r.id) ?? null,
    }));
    const sum = responses.reduce((s, r) => s + r.score, 0);
    const max = responses.reduce((s, r) => s + r.maxScore, 0);
    return {
      attemptId: a.id,
      userId: a.userId,
      section: sections.get(a.userId) ?? null,
      score: a.overrideScore ?? a.score ?? sum,
      maxScore: a.maxScore ?? max,
      responses,
    };
  });
}

/** What is known of each item: its first position, and its newest version's title, family and kind. */
export function itemInfos(rows: readonly SubmittedAttemptRow[]): ItemInfo[] {
  const items = new Map<string, ItemInfo & { version: number }>();
  for (const a of rows)
    for (const r of a.responses) {
      const id = `${r.question.bankId}:${r.question.key}`;
      const position = r.quizItem?.position ?? r.position;
      const seen = items.get(id);
      if (seen && seen.version >= r.question.version) {
        seen.position = Math.min(seen.position, position);
        continue;
      }
      const template = templateOf(r.question);
      items.set(id, {
        item: id,
        position: Math.min(position, seen?.position ?? position),
        title: r.question.title,
        family: template.family,
        kind: template.ask.kind,
        version: r.question.version,
      });
    }
  return [...items.values()].map(({ version: _version, ...info }) => info);
}

/** The item analysis of a quiz of the course; 404 for a quiz not in it. */
export async function itemAnalytics(db: Db, courseId: string, quizId: string): Promise<ItemAnalytics> {
  const quiz = await analyticsQuiz(db, courseId, quizId);
  if (!quiz) throw new AppError("NOT_FOUND", msg("analytics.errors.quizNotFound"));
  const [rows, students] = await Promise.all([submittedAttempts(db, quizId), studentSections(db, courseId)]);
  const attempts = analysedAttempts(rows, new Map(students.map((s) => [s.userId, s.section])));
  const used = new Set(attempts.map((a) => a.attemptId));
  const items = itemStats(attempts, itemInfos(rows.filter((r) => used.has(r.id))));
  return {
    quiz: { id: quiz.id, title: quiz.title },
    summary: quizSummary(attempts),
    items,
    families: groupStats(attempts, items, (i) => i.family),
    kinds: groupStats(attempts, items, (i) => i.kind),
    sections: sectionStats(attempts),
  };
}
