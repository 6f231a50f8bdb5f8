"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { buttonAction } from "@/lib/server/action-client";
import { writeAudit } from "@/lib/audit";

/** Ends every session of the caller, on every device. Signed-out callers are simply sent to /login. */
export const signOutEverywhereAction = buttonAction(async ({ user }) => {
  if (user) {
    await db.session.deleteMany({ where: { userId: user.id } });
    await writeAudit(db, { actorId: user.id, action: "auth.sign-out-everywhere", target: user.id });
  }
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/login?reason=signed-out-everywhere");
});
