// Direct access to the end-to-end run's SQLite database, for what a test must know or set up
// that no page shows: the seeds behind an attempt (to compute right answers) and quizzes
// with settings the demo does not have (a time limit of seconds).
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { expectedAnswer } from "../../lib/questions";

export const E2E_DB = "data/e2e.db";

export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB, { timeout: 5000 });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The expected answer of each question of an attempt, as submitted JSON, in order. */
export function expectedAnswers(attemptId: string): Record<string, unknown>[] {
  return withDb((db) => {
    const rows = db
      .prepare(`SELECT r.seed, q.template FROM Response r JOIN Question q ON q.id = r.questionId WHERE r.attemptId = ? ORDER BY r.position`)
      .all(attemptId) as { seed: string; template: string }[];
    return rows.map((r) => {
      const { kind: _kind, ...answer } = expectedAnswer(JSON.parse(r.template), Number(r.seed));
      return answer;
    });
  });
}

/** A published quiz in the demo course with one fixed question per template key, 2 points each. */
export function createQuiz(
  title: string,
  templateKey: string | string[],
  settings: { timeLimitSec?: number; feedbackRelease?: string; attemptsAllowed?: number; closesAt?: Date; releaseAt?: Date },
): string {
  return withDb((db) => {
    const course = db.prepare(`SELECT id FROM Course WHERE joinCode = 'SYNACK26'`).get() as { id: string };
    const id = `e2e-${randomUUID()}`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO Quiz (id, courseId, title, mode, timeLimitSec, attemptsAllowed, feedbackRelease, closesAt, releaseAt, published, createdAt, updatedAt) VALUES (?, ?, ?, 'EXAM', ?, ?, ?, ?, ?, 1, ?, ?)`,
    ).run(
      id,
      course.id,
      title,
      settings.timeLimitSec ?? null,
      settings.attemptsAllowed ?? null,
      settings.feedbackRelease ?? "IMMEDIATELY",
      settings.closesAt?.toISOString() ?? null,
      settings.releaseAt?.toISOString() ?? null,
      now,
      now,
    );
    for (const [i, key] of [templateKey].flat().entries()) {
      const question = db.prepare(`SELECT id FROM Question WHERE key = ? ORDER BY version DESC`).get(key) as { id: string };
      db.prepare(`INSERT INTO QuizItem (id, quizId, position, questionId, drawCount, points) VALUES (?, ?, ?, ?, 1, 2)`).run(
        randomUUID(),
        id,
        i + 1,
        question.id,
      );
    }
    return id;
  });
}
