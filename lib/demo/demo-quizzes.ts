// Fills the demo course's quizzes from the starter library, so a first start has something to
// take: a practice quiz of fixed questions, and a 20-minute exam drawing from the bank by topic,
// one attempt, feedback after it closes two weeks later. Only quizzes with no items yet.
import type { Db } from "../db/client";
import { STARTER_BANK_TITLE } from "./starter-library";
import { demoCourseId } from "./identity";

export const PRACTICE_QUESTIONS = [
  "handshake-states",
  "handshake-segments",
  "passive-close-next",
  "simultaneous-close-time-wait",
  "time-wait-lost-ack-duration",
];
export const EXAM_DRAWS = [
  { tag: "open", points: 2 },
  { tag: "close", points: 2 },
  { tag: "time-wait", points: 2 },
  { tag: "concept", points: 1 },
];
const EXAM_DAYS_OPEN = 14;

export async function fillDemoQuizzes(db: Db, now = new Date()): Promise<boolean> {
  const courseId = await demoCourseId(db);
  if (!courseId) return false;
  const course = { id: courseId };
  const bank = await db.questionBank.findFirst({ where: { courseId: course.id, title: STARTER_BANK_TITLE } });
  if (!bank) return false;
  const quizzes = await db.quiz.findMany({ where: { courseId: course.id }, include: { _count: { select: { items: true } } } });
  let changed = false;
  for (const quiz of quizzes) {
    if (quiz._count.items > 0) continue;
    if (quiz.mode === "PRACTICE") {
      const questions = await db.question.findMany({
        where: { bankId: bank.id, key: { in: PRACTICE_QUESTIONS } },
        orderBy: { version: "desc" },
      });
      let position = 1;
      for (const key of PRACTICE_QUESTIONS) {
        const q = questions.find((x) => x.key === key);
        if (!q) continue;
        const points = (JSON.parse(q.template) as { points?: number }).points ?? 1;
        await db.quizItem.create({ data: { quizId: quiz.id, position: position++, questionId: q.id, points } });
      }
    } else {
      let position = 1;
      for (const draw of EXAM_DRAWS) {
        await db.quizItem.create({
          data: { quizId: quiz.id, position: position++, bankId: bank.id, tag: draw.tag, drawCount: 1, points: draw.points },
        });
      }
      await db.quiz.update({
        where: { id: quiz.id },
        data: { published: true, closesAt: new Date(now.getTime() + EXAM_DAYS_OPEN * 86_400_000) },
      });
    }
    changed = true;
  }
  return changed;
}
