// Who is asking, read once per request, and the checks every page and action goes through.
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { auth } from "./auth";
import type { CourseRole } from "./roles";

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  canTeach: boolean;
};

/** The signed-in user, or null. Cached for the request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const u = session.user as typeof session.user & { isAdmin?: boolean; canTeach?: boolean };
  return { id: u.id, name: u.name, email: u.email, isAdmin: Boolean(u.isAdmin), canTeach: Boolean(u.canTeach) };
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
  course: { id: string; code: string; title: string; term: string | null; joinCode: string };
  /** The caller's role; site admins act as instructors. */
  role: CourseRole;
  section: string | null;
};

/** What a user may do in a course, or null when they are not part of it. */
export async function courseAccessFor(user: SessionUser, courseId: string): Promise<CourseAccess | null> {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: { id: true, code: true, title: true, term: true, joinCode: true, enrollments: { where: { userId: user.id } } },
  });
  if (!course) return null;
  const enrollment = course.enrollments[0];
  if (!enrollment && !user.isAdmin) return null;
  const { enrollments: _, ...rest } = course;
  return { user, course: rest, role: (enrollment?.role as CourseRole) ?? "INSTRUCTOR", section: enrollment?.section ?? null };
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

/** The caller's address, for the login rate limit (the first hop a proxy recorded). */
export async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}
