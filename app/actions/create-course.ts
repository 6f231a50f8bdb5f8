"use server";
import { redirect } from "next/navigation";
import { teacherAction } from "@/lib/server/action-client";
import { CreateCourseSchema } from "@/lib/courses/schemas";
import { courseService } from "@/lib/courses";

/** Instructors (accounts that may teach) and admins create courses; the creator is its instructor. */
export const createCourseAction = teacherAction(CreateCourseSchema, async (input, { user }) => {
  const course = await courseService.createCourse(input, user.id);
  redirect(`/courses/${course.id}`);
});
