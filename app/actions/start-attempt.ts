"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { attempts } from "@/lib/attempts";
import { courseAction } from "@/lib/server/action-client";

/** A student starts (or resumes) an attempt; the items and their seeds are chosen on the server. */
export const startAttemptAction = courseAction(
  ["STUDENT"],
  z.object({ courseId: z.string(), quizId: z.string().min(1) }),
  async ({ quizId }, access) => {
    const { attemptId } = await attempts.start(access.user.id, quizId);
    redirect(`/courses/${access.course.id}/attempts/${attemptId}`);
  },
);
