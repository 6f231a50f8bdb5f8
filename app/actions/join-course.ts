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
    // Said once, above the form's only field: a field error repeating it read as two errors.
    return { ok: false, message: t("noSuchCode"), values: { joinCode } };
  }
  redirect(`/courses/${joined.courseId}${joined.already ? "?joined=already" : "?joined=1"}`);
});
