// The instructor's grading day on SQLite (tests/e2e/grading-day.ts): the gradebook after two
// students submit, an override with a reason, a points change regraded after a dry run, and the
// misconception named. The quiz is made directly in the database; the students answer with the
// expected answer less the handshake's middle state of one endpoint.
import { test } from "@playwright/test";
import { createQuiz, expectedAnswers, withDb } from "./e2e-db";
import { instructorGradingDay, submitOne, unique, type States } from "./grading-day";

/**
 * The expected answer with the server going straight from LISTEN to ESTABLISHED (it is in
 * SYN-RECEIVED until the third segment, RFC 9293 §3.5), and the words the misconception page
 * names that slip with.
 */
function sameSlip(expected: States): States {
  return { states: { ...expected.states, server: expected.states.server.filter((s) => s !== "SYN_RECEIVED") } };
}

test("an instructor's grading day: gradebook, an override with a reason, a points change regraded after a dry run, the misconception named", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const title = `Handshake check ${unique()}`;
  const quizId = createQuiz(title, "handshake-states", { feedbackRelease: "IMMEDIATELY" });
  const courseId = withDb((db) => (db.prepare(`SELECT courseId FROM Quiz WHERE id = ?`).get(quizId) as { courseId: string }).courseId);
  for (const email of ["ada@synack.test", "ben@synack.test"]) {
    await submitOne(browser, email, quizId, (attemptId) => sameSlip(expectedAnswers(attemptId)[0] as States));
  }
  await instructorGradingDay(browser, {
    courseId,
    quizId,
    title,
    words: "Puts the passive opener in ESTABLISHED after LISTEN (it goes to SYN_RECEIVED)",
  });
});
