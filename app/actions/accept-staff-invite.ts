"use server";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/action-client";
import { AppError } from "@/lib/server/errors";
import { enrollmentService } from "@/lib/courses";
import { AcceptStaffInviteSchema } from "@/lib/courses/schemas";

/** The signed-in account accepts the staff role an instructor offered it (lib/courses/enroll.ts). */
export const acceptStaffInviteAction = userAction(AcceptStaffInviteSchema, async ({ token }, { user }) => {
  const outcome = await enrollmentService.acceptStaffInvite(token, user.id);
  if (!outcome.ok && outcome.reason === "other-account") {
    throw new AppError(
      "FORBIDDEN",
      `This invitation was sent to another account. You are signed in as ${user.email}: sign in as the account it was sent to.`,
    );
  }
  if (!outcome.ok) throw new AppError("NOT_FOUND", "This invitation has expired or was already used. Ask your instructor for a new one.");
  redirect(`/courses/${outcome.courseId}`);
});
