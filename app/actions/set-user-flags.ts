"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/server/action-client";
import { accountService } from "@/lib/accounts";
import { msg } from "@/lib/i18n/msg";

const SetUserFlagsSchema = z.object({
  userId: z.string().min(1),
  flag: z.enum(["canTeach", "isAdmin"]),
  value: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** Site admins let an account create courses, or make it an admin. */
export const setUserFlagsAction = adminAction(SetUserFlagsSchema, async ({ userId, flag, value }, { user }) => {
  await accountService.setFlag(user.id, userId, flag, value);
  revalidatePath("/admin");
  return { ok: true, message: msg("admin.flags.saved") };
});
