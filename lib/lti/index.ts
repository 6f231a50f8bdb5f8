// LTI launches, for the app: bound to the app's database (see lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { createCourse } from "../courses/manage";
import { linkContext } from "./context-link";
import { framingOrigins } from "./frame-origins";
import { contextById, coursesTaughtBy } from "./launch-queries";
import { acceptLaunch, auditRefusal } from "./launch-service";
import { startLogin } from "./login";
import { createSession, handoffWaiting, redeemHandoff } from "./lti-session";

export const launchService = bound(db, {
  startLogin,
  acceptLaunch,
  auditRefusal,
  framingOrigins,
  createSession,
  redeemHandoff,
  handoffWaiting,
  contextById,
  coursesTaughtBy,
});

/** Links an LMS course for its instructor; a new course is made by lib/courses, as any other. */
export function linkLtiContext(input: Parameters<typeof linkContext>[1]): Promise<string> {
  return linkContext(db, input, (fields) => createCourse(db, { ...fields, term: null }, input.userId));
}
