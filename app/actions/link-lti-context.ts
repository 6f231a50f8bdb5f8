"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authSecret } from "@/lib/auth/secret";
import { linkLtiContext } from "@/lib/lti";
import { nextAfterLink } from "@/lib/lti/context-link";
import { userAction } from "@/lib/server/action-client";

const LinkContextSchema = z.object({
  contextId: z.string().min(1).max(60),
  ticket: z.string().min(1).max(100),
  // "new": a course made for it.
  courseId: z.string().min(1).max(60),
  next: z.string().max(200).optional(),
});

export const linkLtiContextAction = userAction(LinkContextSchema, async ({ contextId, ticket, courseId, next }, { user }) => {
  const linked = await linkLtiContext({
    contextId,
    ticket,
    userId: user.id,
    courseId: courseId === "new" ? null : courseId,
    secret: authSecret(),
    now: new Date(),
  });
  redirect(nextAfterLink(next, linked));
});
