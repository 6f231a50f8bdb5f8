"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { courseAction } from "@/lib/server/action-client";
import { courseService } from "@/lib/courses";

/** Replaces the join code (the old one stops working), e.g. after it was shared too widely; the form asks first (`confirmed`). */
export const newJoinCodeAction = courseAction(
  ["INSTRUCTOR"],
  z.object({ courseId: z.string(), confirmed: z.literal("yes") }),
  async (_input, access) => {
    const joinCode = await courseService.replaceJoinCode(access.course.id, access.user.id);
    revalidatePath(`/courses/${access.course.id}`);
    const t = await getTranslations("courses.joinCode");
    return { ok: true, message: t("replaced", { code: joinCode }) };
  },
);
