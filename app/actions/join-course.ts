"use server";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/action-client";
import { JoinCourseSchema } from "@/lib/courses/schemas";
import { joinByCode } from "@/lib/courses/enroll";
import { db } from "@/lib/db/client";

export const joinCourseAction = userAction(JoinCourseSchema, async ({ joinCode }, { user }) => {
  const joined = await joinByCode(db, user.id, joinCode);
  if (!joined) {
    return { ok: false, message: "No course has that join code. Check it with your instructor.", fieldErrors: { joinCode: ["No course has this code."] }, values: { joinCode } };
  }
  redirect(`/courses/${joined.courseId}${joined.already ? "?joined=already" : "?joined=1"}`);
});
