"use server";
import { z } from "zod";
import type { PracticeCheck } from "@/lib/practice/check";
import { practiceService } from "@/lib/practice";
import { msg } from "@/lib/i18n/msg";
import { publicCall } from "@/lib/server/action-client";
import { textRenderer } from "@/lib/server/text";

export type { PracticeCheck };

/** What the browser gets when nothing is graded: the message and what is wrong, in its language. */
export type PracticeRefusal = { ok: false; message: string; problems?: string[] };

const Input = z.object({ token: z.string().min(10).max(600), answer: z.unknown() });
const RevealInput = z.object({ token: z.string().min(10).max(600) });

async function rendered(check: PracticeCheck): Promise<Extract<PracticeCheck, { ok: true }> | PracticeRefusal> {
  if (check.ok) return check;
  const text = await textRenderer();
  return { ok: false, message: text(check.message), ...(check.problems ? { problems: check.problems.map(text) } : {}) };
}

/** Grades a practice answer; for a signed-in student the result counts towards mastery. */
export const checkPracticeAction = publicCall(Input, msg("practice.errors.notSent"), async ({ token, answer }, { user }) =>
  rendered(await practiceService.checkPractice(user?.id ?? null, token, answer)),
);

/** Shows the expected answer of a practice variant without answering it (recorded as shown). */
export const revealPracticeAction = publicCall(RevealInput, msg("practice.errors.notSent"), async ({ token }, { user }) =>
  rendered(await practiceService.revealPractice(user?.id ?? null, token)),
);
