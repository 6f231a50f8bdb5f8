// Checking a practice answer: open the sealed variant, grade it once, and count a valid
// result towards the signed-in student's mastery. The instance is simulated once and shared
// by the grade, the expected answer and the presentation.
import "server-only";
import { authSecret } from "../auth/secret";
import type { Db } from "../db/client";
import { gradeInstance, type GradeResult } from "../grading";
import { expectedFor, instantiate, presentFor, starterLibrary, type Answer, type Presentation } from "../questions";
import type { Trace } from "../tcp";
import { openVariant } from "./token";

export type PracticeCheck =
  | { ok: true; result: GradeResult; expected: Answer; trace: Trace; presentation: Presentation; saved: boolean }
  | { ok: false; message: string };

export async function checkPractice(db: Db, userId: string | null, token: string, answer: unknown): Promise<PracticeCheck> {
  const variant = openVariant(token, authSecret());
  const template = variant && starterLibrary.find((t) => t.id === variant.templateId);
  if (!variant || !template) return { ok: false, message: "This practice question has expired. Load a new one." };
  const q = instantiate(template, variant.seed);
  const result = gradeInstance(q, answer);
  let saved = false;
  if (userId && result.valid) {
    await db.practiceResult.create({
      data: { userId, family: template.family, templateId: template.id, score: result.score, maxScore: result.maxScore, graderVersion: result.graderVersion },
    });
    saved = true;
  }
  return { ok: true, result, expected: expectedFor(q), trace: q.trace, presentation: presentFor(q), saved };
}
