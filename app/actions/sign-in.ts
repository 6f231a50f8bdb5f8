"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/server/action-client";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/server/errors";
import { safeReturnUrl } from "@/lib/auth/return-url";
import { SignInSchema } from "@/lib/auth/schemas";
import { clientIp } from "@/lib/auth/session";
import { recordFailure, recordSuccess, retryAfterSeconds, throttleKeys } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";

export const signInAction = publicAction(SignInSchema, async ({ email, password, next }) => {
  const keys = throttleKeys(email, await clientIp());
  const wait = await retryAfterSeconds(db, keys);
  if (wait > 0) throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${wait} s.`);
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    if (!(error instanceof APIError) || error.statusCode !== 401) throw error;
    await recordFailure(db, keys);
    const after = await retryAfterSeconds(db, keys);
    if (after > 0) throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${after} s.`);
    const invited = await db.user.findUnique({ where: { email }, select: { invited: true } });
    throw new AppError(
      "UNAUTHENTICATED",
      invited?.invited
        ? "This account was created by an invitation and has no password yet: open the invite link your instructor shared."
        : "That email and password do not match an account.",
    );
  }
  await recordSuccess(db, email);
  redirect(safeReturnUrl(next));
});
