"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { attempts } from "@/lib/attempts";
import { AccessPasswordError } from "@/lib/attempts/rules";
import { verifyPassword } from "@/lib/auth/password-hashing";
import { courseAction } from "@/lib/server/action-client";

/**
 * A student starts (or resumes) an attempt; the items and their seeds are chosen on the
 * server. An exam's access password comes with the form; what is wrong with it is said beside
 * its field.
 */
export const startAttemptAction = courseAction(
  ["STUDENT"],
  z.object({ courseId: z.string(), quizId: z.string().min(1), password: z.string().max(200).optional() }),
  async ({ quizId, password }, access) => {
    let attemptId: string;
    try {
      ({ attemptId } = await attempts.start(access.user.id, quizId, new Date(), {
        password: password || undefined,
        checkPassword: verifyPassword,
      }));
    } catch (error) {
      if (error instanceof AccessPasswordError) return { ok: false, fieldErrors: { password: [error.text] } };
      throw error;
    }
    redirect(`/courses/${access.course.id}/attempts/${attemptId}`);
  },
);
