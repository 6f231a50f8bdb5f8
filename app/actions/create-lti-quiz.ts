"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { rolesFor } from "@/lib/auth/permissions";
import { fieldMessage } from "@/lib/i18n/field-messages";
import { msg } from "@/lib/i18n/msg";
import { courseAction } from "@/lib/server/action-client";

const Schema = z.object({
  courseId: z.string().max(100),
  title: z.string().trim().min(1, fieldMessage("quizBuilder.errors.titleRequired")).max(200),
});

/** From the deep-linking page: an empty draft quiz, listed there to build and then add to the LMS. */
export const createLtiQuizAction = courseAction(rolesFor("lti.link"), Schema, async (input, access) => {
  await quizBuilder.create({ userId: access.user.id, courseId: access.course.id }, { title: input.title, mode: "PRACTICE" });
  revalidatePath("/lti/deep-link/[id]", "page");
  revalidatePath("/lti/links/[linkId]", "page");
  return { ok: true, message: msg("ltiDeepLink.create.created", { title: input.title }) };
});
