"use server";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { authSecret } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import { grade, type GradeResult } from "@/lib/grading";
import { expectedAnswer, instantiate, presentFor, starterLibrary, type Answer, type Presentation } from "@/lib/questions";
import { openVariant } from "@/lib/practice/token";
import type { Trace } from "@/lib/tcp";

export type PracticeCheck =
  | { ok: true; result: GradeResult; expected: Answer; trace: Trace; presentation: Presentation; saved: boolean }
  | { ok: false; message: string };

const Input = z.object({ token: z.string().min(10).max(400), answer: z.unknown() });

/** Grades a practice answer; for a signed-in student the result counts towards mastery. */
export async function checkPracticeAction(input: unknown): Promise<PracticeCheck> {
  const parsed = Input.safeParse(input);
  if (!parsed.success) return { ok: false, message: "That answer could not be sent. Reload the page and try again." };
  const variant = openVariant(parsed.data.token, authSecret());
  const template = variant && starterLibrary.find((t) => t.id === variant.templateId);
  if (!variant || !template) return { ok: false, message: "This practice question has expired. Load a new one." };
  const q = instantiate(template, variant.seed);
  const result = grade(template, variant.seed, parsed.data.answer);
  const user = await getSessionUser();
  let saved = false;
  if (user && result.valid) {
    await db.practiceResult.create({
      data: { userId: user.id, family: template.family, templateId: template.id, score: result.score, maxScore: result.maxScore, graderVersion: result.graderVersion },
    });
    saved = true;
  }
  return { ok: true, result, expected: expectedAnswer(template, variant.seed), trace: q.trace, presentation: presentFor(q), saved };
}
