"use server";
import { redirect } from "next/navigation";
import { msg } from "@/lib/i18n/msg";
import { userAction } from "@/lib/server/action-client";
import { AppError } from "@/lib/server/errors";
import { enrollmentService } from "@/lib/courses";
import { AcceptStaffInviteSchema } from "@/lib/courses/schemas";

/** The signed-in account accepts the staff role an instructor offered it (lib/courses/enroll.ts). */
export const acceptStaffInviteAction = userAction(AcceptStaffInviteSchema, async ({ token }, { user }) => {
  const outcome = await enrollmentService.acceptStaffInvite(token, user.id);
  if (!outcome.ok && outcome.reason === "other-account") {
    throw new AppError("FORBIDDEN", msg("roster.invite.otherAccount", { email: user.email }));
  }
  if (!outcome.ok) throw new AppError("NOT_FOUND", msg("roster.invite.gone"));
  redirect(`/courses/${outcome.courseId}`);
});
