"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/server/action-client";
import { AppError } from "@/lib/server/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";

const SetUserFlagsSchema = z.object({
  userId: z.string().min(1),
  flag: z.enum(["canTeach", "isAdmin"]),
  value: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** Site admins let an account create courses, or make it an admin. */
export const setUserFlagsAction = adminAction(SetUserFlagsSchema, async ({ userId, flag, value }, { user }) => {
  if (flag === "isAdmin" && userId === user.id && !value) throw new AppError("CONFLICT", "You cannot remove your own administrator rights.");
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!target) throw new AppError("NOT_FOUND", "That account does not exist.");
  await db.user.update({ where: { id: userId }, data: { [flag]: value } });
  await writeAudit(db, { actorId: user.id, action: `user.${flag}`, target: userId, detail: { value } });
  revalidatePath("/admin");
  return { ok: true, message: "Saved." };
});
