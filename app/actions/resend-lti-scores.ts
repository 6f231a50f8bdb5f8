"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { rolesFor } from "@/lib/auth/permissions";
import { msg } from "@/lib/i18n/msg";
import { ltiScores } from "@/lib/lti/score-outbox-service";
import { courseAction } from "@/lib/server/action-client";

const Id = z.string().trim().min(1).max(64);

/** Queues one student's score at a quiz to be sent to the LMS again, and sends it after the answer. */
export const resendLtiScoreAction = courseAction(
  rolesFor("grades.lti"),
  z.object({ courseId: Id, quizId: Id, userId: Id }),
  async ({ quizId, userId }, access) => {
    await ltiScores.resend({ userId: access.user.id, courseId: access.course.id }, quizId, userId);
    after(() => ltiScores.sendDue());
    revalidatePath(`/courses/${access.course.id}/gradebook`);
    return { ok: true, message: msg("ltiScores.resent") };
  },
);

/** Queues every failed score of the course to be sent again. */
export const resendFailedLtiScoresAction = courseAction(rolesFor("grades.lti"), z.object({ courseId: Id }), async (_input, access) => {
  const count = await ltiScores.resendFailed({ userId: access.user.id, courseId: access.course.id });
  if (count > 0) after(() => ltiScores.sendDue());
  revalidatePath(`/courses/${access.course.id}/gradebook`);
  return { ok: true, message: msg("ltiScores.course.resentAll", { count }) };
});
