"use server";
import { z } from "zod";
import type { PracticeCheck } from "@/lib/practice/check";
import { practiceService } from "@/lib/practice";
import { msg } from "@/lib/i18n/msg";
import { publicCall } from "@/lib/server/action-client";
import { textRenderer } from "@/lib/server/text";

export type { PracticeCheck };

const Input = z.object({ token: z.string().min(10).max(600), answer: z.unknown() });

/** Grades a practice answer; for a signed-in student the result counts towards mastery. */
export const checkPracticeAction = publicCall(
  Input,
  msg("practice.errors.notSent"),
  async ({ token, answer }, { user }): Promise<PracticeCheck> => {
    const check = await practiceService.checkPractice(user?.id ?? null, token, answer);
    if (check.ok) return check;
    const text = await textRenderer();
    return { ok: false, message: text(check.message) };
  },
);
