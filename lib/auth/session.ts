// Who is asking, read once per request, and the checks every page and action goes through.
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { reportDatabaseFault } from "../db/fault-log";
import { auth } from "./auth";
import { courseWithEnrollment, type CourseRow } from "./queries";
import type { CourseRole } from "./roles";
import { authSecret } from "./secret";
import { dueForRefresh, sessionFromCookie, type SessionUser } from "./session-cookie";

export type { SessionUser };

/**
 * The signed-in user, or null. Cached for the request. One prepared statement; better-auth
 * is asked only when the session is due for its daily extension, which it then makes.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const requestHeaders = await headers();
  const session = await sessionFromCookie(db, requestHeaders.get("cookie"), authSecret());
  if (!session) return null;
  if (!dueForRefresh(session.expiresAt)) return session.user;
  // The extension is a write: while the database cannot be written (read-only, disk full) the
  // session, still valid until it expires, is used as it is, so that pages that only read still work.
  const refreshed = await auth.api.getSession({ headers: requestHeaders }).catch((error: unknown) => {
    if (reportDatabaseFault(error) === "unwritable") return { user: session.user };
    throw error;
  });
  if (!refreshed) return null;
  const u = refreshed.user as typeof refreshed.user & { isAdmin?: boolean; canTeach?: boolean; locale?: string | null };
  return { id: u.id, name: u.name, email: u.email, isAdmin: Boolean(u.isAdmin), canTeach: Boolean(u.canTeach), locale: u.locale ?? null };
});

/** For the layout: the signed-in user, or null also when the database cannot be reached. */
export async function getSessionUserOrNull(): Promise<SessionUser | null> {
  try {
    return await getSessionUser();
  } catch {
    return null;
  }
}

const SESSION_COOKIE = /(^|\.)better-auth\.session_token$/;

/** The login URL that brings the person back to `returnTo`, saying why when a session expired. */
export async function loginUrl(returnTo: string): Promise<string> {
  const jar = await cookies();
  const expired = jar.getAll().some((c) => SESSION_COOKIE.test(c.name));
  const params = new URLSearchParams({ next: returnTo });
  if (expired) params.set("reason", "expired");
  return `/login?${params}`;
}

/** Signed in, or redirected to /login with a return URL. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(await loginUrl(returnTo));
  return user;
}

export async function requireAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!user.isAdmin) forbidden();
  return user;
}

export type CourseAccess = {
  user: SessionUser;
  course: CourseRow;
  /** The caller's role; site admins act as instructors. */
  role: CourseRole;
  section: string | null;
};

/**
 * The course and the caller's enrolment, read once per request: the course layout and the
 * page below it both ask, and only the first asking reaches the database.
 */
const courseRow = cache((courseId: string, userId: string) => courseWithEnrollment(db, courseId, userId));

/** What a user may do in a course, or null when they are not part of it. */
export async function courseAccessFor(user: SessionUser, courseId: string): Promise<CourseAccess | null> {
  const row = await courseRow(courseId, user.id);
  if (!row) return null;
  if (!row.role && !user.isAdmin) return null;
  const { role, section, ...course } = row;
  return { user, course, role: (role as CourseRole | null) ?? "INSTRUCTOR", section: role ? section : null };
}

/**
 * Signed in (else /login), part of the course (else 404: someone else's course is not
 * shown to exist), and in one of `roles` (else 403).
 */
export async function requireCourse(courseId: string, roles: readonly CourseRole[], returnTo: string): Promise<CourseAccess> {
  const user = await requireUser(returnTo);
  const access = await courseAccessFor(user, courseId);
  if (!access) notFound();
  if (!roles.includes(access.role)) forbidden();
  return access;
}
