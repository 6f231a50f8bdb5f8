"use server";
import { redirect } from "next/navigation";
import { teacherAction } from "@/lib/server/action-client";
import { CreateCourseSchema } from "@/lib/courses/schemas";
import { db } from "@/lib/db/client";
import { newJoinCode } from "@/lib/courses/join-code";
import { writeAudit } from "@/lib/audit";

/** Instructors (accounts that may teach) and admins create courses; the creator is its instructor. */
export const createCourseAction = teacherAction(CreateCourseSchema, async (input, { user }) => {
  const course = await db.course.create({
    data: { ...input, joinCode: newJoinCode(), createdById: user.id, enrollments: { create: { userId: user.id, role: "INSTRUCTOR" } } },
  });
  await writeAudit(db, { actorId: user.id, courseId: course.id, action: "course.create" });
  redirect(`/courses/${course.id}`);
});
