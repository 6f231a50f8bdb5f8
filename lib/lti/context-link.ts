// Linking an LMS course (LtiContext) to a course here, once, by an instructor the launch named
// (its ticket: context-ticket.ts): to a course they teach, or to a new one they then teach.
// Audited (lti.context.link). Where the instructor goes next is the launch's page when it is
// one of the LTI pages that needed the course (an activity to link, a deep-linking request).
import { auditCreate } from "../audit";
import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { contextTicket, ticketValid } from "./context-ticket";
import { contextById, enrollmentRole, linkContextOnce, type LaunchDb } from "./launch-queries";

/** The pages a link may go on to: the launch's own, nothing else (no open redirect). */
export function nextAfterLink(next: string | null | undefined, courseId: string): string {
  if (next && /^\/lti\/(links|deep-link)\/[\w-]{1,60}$/.test(next)) return next;
  return `/courses/${courseId}`;
}

export { contextTicket };

export async function linkContext(
  db: LaunchDb & Pick<Db, "course">,
  input: { contextId: string; ticket: string; userId: string; courseId: string | null; secret: string; now: Date },
  createCourse: (title: { code: string; title: string }) => Promise<{ id: string }>,
): Promise<string> {
  if (!ticketValid(input.secret, input.ticket, input.contextId, input.userId, input.now))
    throw new AppError("FORBIDDEN", msg("ltiLaunch.context.ticketExpired"));
  const context = await contextById(db, input.contextId);
  if (!context) throw new AppError("NOT_FOUND", msg("errors.notFound"));
  if (context.courseId) return context.courseId;
  let courseId = input.courseId;
  if (courseId === null) {
    const code = (context.label ?? context.title ?? context.contextId).slice(0, 40);
    courseId = (await createCourse({ code, title: (context.title ?? code).slice(0, 200) })).id;
  } else if ((await enrollmentRole(db, courseId, input.userId)) !== "INSTRUCTOR") {
    throw new AppError("FORBIDDEN", msg("ltiLaunch.context.notYourCourse"));
  }
  const linked = await linkContextOnce(db, context.id, courseId);
  if (linked === courseId)
    await auditCreate(db, {
      action: "lti.context.link",
      actorId: input.userId,
      courseId,
      target: context.id,
      detail: { issuer: context.platform.issuer, contextId: context.contextId, created: input.courseId === null },
    });
  return linked ?? courseId;
}
