// Checking a practice answer: open the sealed variant, grade it once, and count a valid
// result towards the signed-in student's mastery, once per token. The instance is simulated
// once and shared by the grade, the expected answer and the presentation.
import "server-only";
import { authSecret } from "../auth/secret";
import type { Db } from "../db/client";
import { gradeInstance, type GradeResult } from "../grading";
import type { Text } from "../i18n/msg";
import { expectedFor, instantiate, presentFor, starterLibrary, type Answer, type Presentation } from "../questions";
import type { Trace } from "../tcp";
import { recordPracticeResultOnce } from "./queries";
import { openToken, TOKEN_EXPIRED, TOKEN_OTHER_VIEWER } from "./token";

export type PracticeCheck =
  | { ok: true; result: GradeResult; expected: Answer; trace: Trace; presentation: Presentation; saved: boolean }
  | { ok: false; message: Text };

// Messages, not sentences: the browser renders them in the reader's language.

export async function checkPractice(
  db: Db,
  userId: string | null,
  token: string,
  answer: unknown,
  now = new Date(),
): Promise<PracticeCheck> {
  const opened = openToken(token, authSecret());
  const template = opened && starterLibrary.find((t) => t.id === opened.templateId);
  if (!opened || !template || opened.expiresAt <= now) return { ok: false, message: TOKEN_EXPIRED };
  if (opened.viewer !== userId) return { ok: false, message: TOKEN_OTHER_VIEWER };
  const q = instantiate(template, opened.seed);
  const result = gradeInstance(q, answer);
  // The first answer to a token counts; checking it again shows the feedback but records nothing.
  const saved =
    userId !== null &&
    result.valid &&
    (await recordPracticeResultOnce(db, {
      userId,
      family: template.family,
      templateId: template.id,
      score: result.score,
      maxScore: result.maxScore,
      graderVersion: result.graderVersion,
      tokenId: opened.id,
    }));
  return { ok: true, result, expected: expectedFor(q), trace: q.trace, presentation: presentFor(q), saved };
}
