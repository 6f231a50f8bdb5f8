"use server";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/auth/actions";
import { AppError } from "@/lib/auth/errors";
import { CreateCourseSchema } from "@/lib/courses/schemas";
import { db } from "@/lib/db/client";
import { newJoinCode } from "@/lib/db/join-code";

/** Instructors (accounts that may teach) and admins create courses; the creator is its instructor. */
export const createCourseAction = userAction(CreateCourseSchema, async (input, { user }) => {
  if (!user.canTeach && !user.isAdmin) throw new AppError("FORBIDDEN", "Only instructor accounts can create courses. Ask a site administrator.");
  const course = await db.course.create({
    data: { ...input, joinCode: newJoinCode(), createdById: user.id, enrollments: { create: { userId: user.id, role: "INSTRUCTOR" } } },
  });
  await db.auditLog.create({ data: { actorId: user.id, courseId: course.id, action: "course.create" } });
  redirect(`/courses/${course.id}`);
});
