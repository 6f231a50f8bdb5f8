"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { getSessionUser } from "@/lib/auth/session";

/** Ends every session of the caller, on every device. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) {
    await db.session.deleteMany({ where: { userId: user.id } });
    await db.auditLog.create({ data: { actorId: user.id, action: "auth.sign-out-everywhere", target: user.id } });
  }
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/login?reason=signed-out-everywhere");
}
