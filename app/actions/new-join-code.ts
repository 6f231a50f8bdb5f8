"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { courseAction } from "@/lib/server/action-client";
import { db } from "@/lib/db/client";
import { newJoinCode } from "@/lib/courses/join-code";
import { writeAudit } from "@/lib/audit";

/** Replaces the join code (the old one stops working), e.g. after it was shared too widely. */
export const newJoinCodeAction = courseAction(["INSTRUCTOR"], z.object({ courseId: z.string() }), async (_input, access) => {
  const joinCode = newJoinCode();
  await db.course.update({ where: { id: access.course.id }, data: { joinCode } });
  await writeAudit(db, { actorId: access.user.id, courseId: access.course.id, action: "course.new-join-code" });
  revalidatePath(`/courses/${access.course.id}`);
  return { ok: true, message: `New join code: ${joinCode}. The old one no longer works.` };
});
