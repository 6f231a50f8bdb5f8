"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { accountService } from "@/lib/accounts";
import { buttonAction } from "@/lib/server/action-client";

/** Ends every session of the caller, on every device. Signed-out callers are simply sent to /login. */
export const signOutEverywhereAction = buttonAction(async ({ user }) => {
  if (user) await accountService.signOutEverywhere(user.id);
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/login?reason=signed-out-everywhere");
});
