"use server";
import { rolesFor } from "@/lib/auth/permissions";
import { passwordResets } from "@/lib/auth/reset-service";
import { ResetLinkSchema } from "@/lib/auth/schemas";
import { appUrl } from "@/lib/env";
import { msg } from "@/lib/i18n/msg";
import { adminCall, courseCall } from "@/lib/server/action-client";
import type { SessionUser } from "@/lib/auth/session";

const INVALID = msg("errors.form.invalid");

async function made(maker: SessionUser, userId: string, courseId: string | null) {
  const link = await passwordResets.makeResetLink({ id: maker.id, isAdmin: maker.isAdmin }, userId, courseId);
  return { ok: true as const, url: `${appUrl()}/reset-password/${link.token}`, email: link.email, expiresAt: link.expiresAt.toISOString() };
}

/** An instructor makes a reset link for a student of the course (lib/auth/reset-policy.ts says for whom). */
export const makeCourseResetLinkAction = courseCall(rolesFor("roster.roles"), ResetLinkSchema, INVALID, async ({ userId }, access) =>
  made(access.user, userId, access.course.id),
);

/** A site administrator makes a reset link for any account but their own. */
export const makeAdminResetLinkAction = adminCall(ResetLinkSchema, INVALID, async ({ userId }, { user }) => made(user, userId, null));
