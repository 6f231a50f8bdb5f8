"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { userAction } from "@/lib/server/action-client";
import { JoinCourseSchema } from "@/lib/courses/schemas";
import { enrollmentService } from "@/lib/courses";

export const joinCourseAction = userAction(JoinCourseSchema, async ({ joinCode }, { user }) => {
  const joined = await enrollmentService.joinByCode(user.id, joinCode);
  if (!joined) {
    const t = await getTranslations("courses.join");
    return {
      ok: false,
      message: t("noSuchCode"),
      fieldErrors: { joinCode: [t("noSuchCodeField")] },
      values: { joinCode },
    };
  }
  redirect(`/courses/${joined.courseId}${joined.already ? "?joined=already" : "?joined=1"}`);
});
