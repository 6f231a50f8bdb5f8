"use server";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/action-client";
import { JoinCourseSchema } from "@/lib/courses/schemas";
import { enrollmentService } from "@/lib/courses";

export const joinCourseAction = userAction(JoinCourseSchema, async ({ joinCode }, { user }) => {
  const joined = await enrollmentService.joinByCode(user.id, joinCode);
  if (!joined) {
    return {
      ok: false,
      message: "No course has that join code. Check it with your instructor.",
      fieldErrors: { joinCode: ["No course has this code."] },
      values: { joinCode },
    };
  }
  redirect(`/courses/${joined.courseId}${joined.already ? "?joined=already" : "?joined=1"}`);
});
