// Checking a practice answer: open the sealed variant, grade it once, and count a valid
// result towards the signed-in student's mastery, once per token. The instance is simulated
// once and shared by the grade, the expected answer and the presentation.
import "server-only";
import { authSecret } from "../auth/secret";
import type { Db } from "../db/client";
import { familyConcept, GRADER_VERSION, gradeInstance, mistakeRecord, type GradeResult } from "../grading";
import { msg, type Text } from "../i18n/msg";
import {
  expectedFor,
  instantiate,
  isBlankAnswer,
  parseAnswer,
  presentFor,
  starterLibrary,
  type Answer,
  type Presentation,
  type QuestionInstance,
} from "../questions";
import type { Trace } from "../tcp";
import { recordPracticeResultOnce } from "./queries";
import { openToken, TOKEN_EXPIRED, TOKEN_OTHER_VIEWER } from "./token";

export type PracticeCheck =
  | { ok: true; result: GradeResult; expected: Answer; trace: Trace; presentation: Presentation; saved: boolean }
  | { ok: false; message: Text; problems?: Text[] };

// Messages, not sentences: the browser renders them in the reader's language.
export const BLANK = msg("practice.errors.blank");

type Opened = { ok: true; q: QuestionInstance; tokenId: string; templateId: string; family: string } | { ok: false; message: Text };

function openFor(userId: string | null, token: string, now: Date): Opened {
  const opened = openToken(token, authSecret());
  const template = opened && starterLibrary.find((t) => t.id === opened.templateId);
  if (!opened || !template || opened.expiresAt <= now) return { ok: false, message: TOKEN_EXPIRED };
  if (opened.viewer !== userId) return { ok: false, message: TOKEN_OTHER_VIEWER };
  return { ok: true, q: instantiate(template, opened.seed), tokenId: opened.id, templateId: template.id, family: template.family };
}

export async function checkPractice(
  db: Db,
  userId: string | null,
  token: string,
  answer: unknown,
  now = new Date(),
): Promise<PracticeCheck> {
  const opened = openFor(userId, token, now);
  if (!opened.ok) return opened;
  const { q } = opened;
  // Nothing answered: say so, record nothing, show nothing of the answer.
  // What is blank is judged on what was sent and on what the kind reads of it (unknown fields dropped).
  const parsed = isBlankAnswer(answer) ? null : parseAnswer(q.template.ask, answer);
  if (!parsed || (parsed.ok && isBlankAnswer(parsed.answer))) return { ok: false, message: BLANK };
  const result = gradeInstance(q, answer);
  // An answer that cannot be read is not graded: what is wrong with it, and still nothing of the answer.
  if (!result.valid) return { ok: false, message: result.feedback.summary, problems: result.feedback.messages };
  // The first answer to a token counts; checking it again shows the feedback but records nothing.
  const saved =
    userId !== null &&
    (await recordPracticeResultOnce(db, {
      userId,
      family: opened.family,
      templateId: opened.templateId,
      score: result.score,
      maxScore: result.maxScore,
      graderVersion: result.graderVersion,
      tokenId: opened.tokenId,
      revealed: false,
      // Kept for the student's own misconceptions on their home page.
      mistake: mistakeRecord(result.feedback),
    }));
  return { ok: true, result, expected: expectedFor(q), trace: q.trace, presentation: presentFor(q), saved };
}

/**
 * "Show the answer": the expected answer and the timeline without answering. For a signed-in
 * student it is recorded once per token as shown (score 0, not an attempt at the topic), so a
 * later answer to the same variant counts nothing.
 */
export async function revealPractice(db: Db, userId: string | null, token: string, now = new Date()): Promise<PracticeCheck> {
  const opened = openFor(userId, token, now);
  if (!opened.ok) return opened;
  const { q } = opened;
  const maxScore = q.template.points;
  const result: GradeResult = {
    score: 0,
    maxScore,
    valid: true,
    graderVersion: GRADER_VERSION,
    feedback: {
      correct: false,
      summary: msg("practice.revealed"),
      messages: [],
      parts: [],
      concept: familyConcept(q.family.id),
      ...(q.template.explanation ? { explanation: q.template.explanation } : {}),
    },
  };
  const saved =
    userId !== null &&
    (await recordPracticeResultOnce(db, {
      userId,
      family: opened.family,
      templateId: opened.templateId,
      score: 0,
      maxScore,
      graderVersion: GRADER_VERSION,
      tokenId: opened.tokenId,
      revealed: true,
      mistake: null,
    }));
  return { ok: true, result, expected: expectedFor(q), trace: q.trace, presentation: presentFor(q), saved };
}
