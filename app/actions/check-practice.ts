"use server";
import { z } from "zod";
import { EXPIRED, OTHER_VIEWER, type PracticeCheck } from "@/lib/practice/check";
import { practiceService } from "@/lib/practice";
import { TOKEN_EXPIRED, TOKEN_OTHER_VIEWER } from "@/lib/practice/token";
import type { Text } from "@/lib/i18n/msg";
import { publicCall } from "@/lib/server/action-client";
import { textRenderer } from "@/lib/server/text";

export type { PracticeCheck };

const Input = z.object({ token: z.string().min(10).max(600), answer: z.unknown() });

// checkPractice names a token it cannot answer with an English sentence; the reader is told in their language.
const TOKEN_ERRORS = new Map<Text, Text>([
  [EXPIRED, TOKEN_EXPIRED],
  [OTHER_VIEWER, TOKEN_OTHER_VIEWER],
]);

/** Grades a practice answer; for a signed-in student the result counts towards mastery. */
export const checkPracticeAction = publicCall(
  Input,
  "That answer could not be sent. Reload the page and try again.",
  async ({ token, answer }, { user }): Promise<PracticeCheck> => {
    const check = await practiceService.checkPractice(user?.id ?? null, token, answer);
    if (check.ok) return check;
    const text = await textRenderer();
    return { ok: false, message: text(TOKEN_ERRORS.get(check.message) ?? check.message) };
  },
);
