"use server";
import { z } from "zod";
import { type PracticeCheck } from "@/lib/practice/check";
import { practiceService } from "@/lib/practice";
import { publicCall } from "@/lib/server/action-client";

export type { PracticeCheck };

const Input = z.object({ token: z.string().min(10).max(600), answer: z.unknown() });

/** Grades a practice answer; for a signed-in student the result counts towards mastery. */
export const checkPracticeAction = publicCall(
  Input,
  "That answer could not be sent. Reload the page and try again.",
  ({ token, answer }, { user }) => practiceService.checkPractice(user?.id ?? null, token, answer),
);
