"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { rolesFor } from "@/lib/auth/permissions";
import { fieldMessage } from "@/lib/i18n/field-messages";
import { msg } from "@/lib/i18n/msg";
import { deepLinks } from "@/lib/lti/deep-link-service";
import { courseAction } from "@/lib/server/action-client";

const Schema = z.object({
  courseId: z.string().max(100),
  linkId: z.string().max(100),
  quizId: z.string().min(1, fieldMessage("errors.field.notAnOption")).max(100),
});

/** The quiz an LMS activity made without deep linking opens (docs/lti.md §4). */
export const chooseLinkQuizAction = courseAction(rolesFor("lti.link"), Schema, async (input, access) => {
  const quiz = await deepLinks.chooseLinkQuiz({
    linkId: input.linkId,
    courseId: access.course.id,
    actorId: access.user.id,
    quizId: input.quizId,
  });
  revalidatePath(`/lti/links/${input.linkId}`);
  return { ok: true, message: msg("ltiDeepLink.links.chosen", { title: quiz.title }) };
});
