// Reads and writes of deep linking and of choosing the quiz an LMS activity opens. Instructors
// use these a few times per activity, so they are Prisma (docs/data-access.md). The one-answer
// rule of a deep-linking request is a conditional update: of two responses racing, one marks
// the row used and the other finds nothing to update.
import type { Db } from "../db/client";
import { auditCreate, type AuditEntry } from "../audit";
import type { LtiContext, LtiDeepLink, LtiResourceLink } from "../db/generated/sqlite/client";

export type DeepLinkRow = LtiDeepLink;

export function deepLinkById(db: Db, id: string): Promise<DeepLinkRow | null> {
  return db.ltiDeepLink.findUnique({ where: { id } });
}

export function contextById(db: Db, id: string): Promise<Pick<LtiContext, "id" | "courseId" | "title" | "platformId"> | null> {
  return db.ltiContext.findUnique({ where: { id }, select: { id: true, courseId: true, title: true, platformId: true } });
}

export type PickableQuiz = { id: string; title: string; mode: string; published: boolean; items: number; points: number };

const PICK_SELECT = { id: true, title: true, mode: true, published: true, items: { select: { points: true, drawCount: true } } } as const;

function pickable(q: {
  id: string;
  title: string;
  mode: string;
  published: boolean;
  items: { points: number; drawCount: number }[];
}): PickableQuiz {
  // A draw item gives each question it draws its points (as the gradebook counts a quiz's maximum).
  const points = q.items.reduce((sum, i) => sum + i.points * i.drawCount, 0);
  return { id: q.id, title: q.title, mode: q.mode, published: q.published, items: q.items.length, points };
}

/** The course's quizzes, drafts included, oldest first, with their points. */
export async function quizzesToPick(db: Db, courseId: string): Promise<PickableQuiz[]> {
  const rows = await db.quiz.findMany({ where: { courseId }, orderBy: { createdAt: "asc" }, select: PICK_SELECT });
  return rows.map(pickable);
}

/** One quiz of the course with its points, or null when it is not this course's. */
export async function quizToPick(db: Db, courseId: string, quizId: string): Promise<PickableQuiz | null> {
  const row = await db.quiz.findFirst({ where: { id: quizId, courseId }, select: PICK_SELECT });
  return row ? pickable(row) : null;
}

/** Marks the request answered, with its audit entry, if it is still open; false when another answer came first or it expired. */
export async function markDeepLinkUsed(db: Db, id: string, now: Date, audit: AuditEntry): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.ltiDeepLink.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count !== 1) return false;
    await auditCreate(tx, { ...audit, at: now });
    return true;
  });
}

export type LinkRow = Pick<LtiResourceLink, "id" | "quizId" | "title" | "contextId" | "platformId"> & {
  context: Pick<LtiContext, "id" | "courseId" | "title">;
};

export function resourceLinkById(db: Db, id: string): Promise<LinkRow | null> {
  return db.ltiResourceLink.findUnique({
    where: { id },
    select: {
      id: true,
      quizId: true,
      title: true,
      contextId: true,
      platformId: true,
      context: { select: { id: true, courseId: true, title: true } },
    },
  });
}

/** Whether any score of the link has been put in the outbox (sent or waiting): its LMS column holds this quiz's scores. */
export async function linkHasScores(db: Db, linkId: string): Promise<boolean> {
  return (await db.ltiScore.count({ where: { linkId } })) > 0;
}

/**
 * Sets the link's quiz, with its audit entry, when the link still opens `expected` (null: none
 * yet) and has no scores; false when it changed meanwhile.
 */
export async function setLinkQuiz(db: Db, linkId: string, expected: string | null, quizId: string, audit: AuditEntry): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const scores = await tx.ltiScore.count({ where: { linkId } });
    if (scores > 0) return false;
    const { count } = await tx.ltiResourceLink.updateMany({ where: { id: linkId, quizId: expected }, data: { quizId } });
    if (count !== 1) return false;
    await auditCreate(tx, audit);
    return true;
  });
}
