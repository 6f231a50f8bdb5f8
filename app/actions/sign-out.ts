"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { buttonAction } from "@/lib/server/action-client";

/** Ends this session. Signed-out callers are simply sent to /login. */
export const signOutAction = buttonAction(async () => {
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/login?reason=signed-out");
});
