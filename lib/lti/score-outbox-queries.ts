// Every statement of the LMS score outbox (LtiScore), each a named function. Queueing runs on the
// request paths that change a grade (a submit, above all), so it is the fast runner's: one
// SELECT that is empty when the quiz has no LMS link, and one INSERT … ON CONFLICT for the rows
// (docs/data-access.md). The sender's statements are conditional UPDATEs, so several app
// instances can share the outbox: a row is claimed by the one whose UPDATE changed it.
import { randomUUID } from "node:crypto";
import { sqlOf, type Db } from "../db/client";
import type { AttemptModel, QuizModel } from "../db/quiz-values";
import type { LtiScore } from "../db/generated/sqlite/client";
import { selectList } from "../db/sql";

const scoreCols = selectList<LtiScore>("s");

/** One LMS link of the quiz × one student known to its platform × one of the student's submitted attempts (or none). */
export type ScoreTargetRow = {
  linkId: string;
  userId: string;
  sub: string;
  scoreRule: QuizModel["scoreRule"];
  excused: number;
  /** The outbox row as it is, if there is one. */
  scoreId: string | null;
  prevScoredAt: Date | null;
  prevScoreGiven: number | null;
  prevScoreMaximum: number | null;
  prevGradingProgress: string | null;
  prevStatus: string | null;
} & { [K in "number" | "status" | "score" | "maxScore" | "overrideScore"]: AttemptModel[K] | null };

function targetsSql(users: number): string {
  const placeholders = Array.from({ length: users }, (_, k) => `$${k + 2}`).join(", ");
  return `SELECT l."id" AS "linkId", u."userId" AS "userId", u."sub" AS "sub", q."scoreRule" AS "scoreRule",
       CASE WHEN EXISTS (SELECT 1 FROM "QuizExcusal" x WHERE x."quizId" = q."id" AND x."userId" = u."userId") THEN 1 ELSE 0 END AS "excused",
       s."id" AS "scoreId", s."scoredAt" AS "prevScoredAt", s."scoreGiven" AS "prevScoreGiven",
       s."scoreMaximum" AS "prevScoreMaximum", s."gradingProgress" AS "prevGradingProgress", s."status" AS "prevStatus",
       a."number" AS "number", a."status" AS "status", a."score" AS "score", a."maxScore" AS "maxScore", a."overrideScore" AS "overrideScore"
  FROM "LtiResourceLink" l
  JOIN "Quiz" q ON q."id" = l."quizId"
  JOIN "LtiPlatform" p ON p."id" = l."platformId"
  JOIN "LtiUser" u ON u."issuer" = p."issuer" AND u."userId" IN (${placeholders})
  LEFT JOIN "LtiScore" s ON s."linkId" = l."id" AND s."userId" = u."userId"
  LEFT JOIN "Attempt" a ON a."quizId" = q."id" AND a."userId" = u."userId" AND a."status" = 'SUBMITTED'
  WHERE l."quizId" = $1
  ORDER BY l."id", u."userId", a."number"`;
}

/**
 * Everything queueing needs in one round trip: the quiz's LMS links, each student of `userIds`
 * the link's platform knows, their outbox row and their submitted attempts. No link, or no such
 * student: no rows (the common case, and the whole cost of a submit without LMS).
 */
export async function scoreTargets(db: Db, quizId: string, userIds: readonly string[]): Promise<ScoreTargetRow[]> {
  if (userIds.length === 0) return [];
  const rows = await sqlOf(db).all<ScoreTargetRow>(targetsSql(userIds.length), [quizId, ...userIds]);
  return rows.map((r) => ({ ...r, excused: Number(r.excused) }));
}

export type ScoreWrite = Pick<
  LtiScore,
  "linkId" | "userId" | "ltiSub" | "scoreGiven" | "scoreMaximum" | "activityProgress" | "gradingProgress" | "scoredAt"
>;

const WRITE_COLUMNS = `"id", "linkId", "userId", "ltiSub", "scoreGiven", "scoreMaximum", "activityProgress", "gradingProgress",
  "scoredAt", "status", "tries", "nextTryAt", "lastError", "createdAt", "updatedAt"`;
const PER_ROW = 9;

/**
 * Writes the scores to send, one statement: a new row, or the row's new value PENDING again with
 * its tries reset. A row already holding a later (or the same) scoredAt is left alone, so a
 * writer that read a stale row loses and says so (fewer rows changed than written).
 */
export async function writeScores(db: Db, writes: readonly ScoreWrite[], now: Date): Promise<number> {
  if (writes.length === 0) return 0;
  const values = writes
    .map((_, k) => {
      const p = (i: number) => `$${2 + k * PER_ROW + i}`;
      return `(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, CAST(${p(4)} AS DOUBLE PRECISION), CAST(${p(5)} AS DOUBLE PRECISION), ${p(6)}, ${p(7)},
        ${p(8)}, 'PENDING', 0, $1, NULL, $1, $1)`;
    })
    .join(",\n");
  const params = writes.flatMap((w) => [
    randomUUID(),
    w.linkId,
    w.userId,
    w.ltiSub,
    w.scoreGiven,
    w.scoreMaximum,
    w.activityProgress,
    w.gradingProgress,
    w.scoredAt,
  ]);
  const text = `INSERT INTO "LtiScore" (${WRITE_COLUMNS}) VALUES ${values}
    ON CONFLICT ("linkId", "userId") DO UPDATE SET
      "ltiSub" = excluded."ltiSub", "scoreGiven" = excluded."scoreGiven", "scoreMaximum" = excluded."scoreMaximum",
      "activityProgress" = excluded."activityProgress", "gradingProgress" = excluded."gradingProgress",
      "scoredAt" = excluded."scoredAt", "status" = 'PENDING', "tries" = 0, "nextTryAt" = excluded."nextTryAt",
      "lastError" = NULL, "updatedAt" = excluded."updatedAt"
    WHERE "LtiScore"."scoredAt" < excluded."scoredAt"`;
  return sqlOf(db).run(text, [now, ...params]);
}

const DUE = `SELECT ${scoreCols("id")} FROM "LtiScore" s
  WHERE s."status" IN ('PENDING', 'SENDING') AND s."nextTryAt" <= $1 ORDER BY s."linkId", s."nextTryAt" LIMIT $2`;

/** Rows due now: pending ones whose time has come, and claimed ones whose sender's lease ran out. */
export async function dueScores(db: Db, now: Date, limit: number): Promise<string[]> {
  return (await sqlOf(db).all<{ id: string }>(DUE, [now, limit])).map((r) => r.id);
}

const CLAIM = `UPDATE "LtiScore" SET "status" = 'SENDING', "nextTryAt" = $3, "updatedAt" = $2
  WHERE "id" = $1 AND "status" IN ('PENDING', 'SENDING') AND "nextTryAt" <= $2`;

/** Claims a due row until `leaseUntil` (its nextTryAt while SENDING); 1 if this caller has it. */
export async function claimScore(db: Db, id: string, now: Date, leaseUntil: Date): Promise<number> {
  return sqlOf(db).run(CLAIM, [id, now, leaseUntil]);
}

export type ClaimedScoreRow = Pick<
  LtiScore,
  | "id"
  | "userId"
  | "ltiSub"
  | "scoreGiven"
  | "scoreMaximum"
  | "activityProgress"
  | "gradingProgress"
  | "scoredAt"
  | "tries"
  | "postedBefore"
  | "nextTryAt"
  | "status"
> & {
  link: { id: string; resourceLinkId: string; lineItemUrl: string | null; title: string | null; quizId: string | null };
  context: { lineItemsUrl: string | null; agsScopes: string };
  platform: { id: string; clientId: string; tokenUrl: string; authAudience: string | null };
  quiz: { id: string; title: string; scoreRule: QuizModel["scoreRule"]; maxScore: number } | null;
};

/** A claimed row with what sending it needs: the link, its context's AGS endpoint, the platform, the quiz. */
export async function claimedScore(db: Db, id: string): Promise<ClaimedScoreRow | null> {
  const row = await db.ltiScore.findUnique({
    where: { id },
    include: {
      link: {
        include: {
          context: { select: { lineItemsUrl: true, agsScopes: true } },
          platform: { select: { id: true, clientId: true, tokenUrl: true, authAudience: true } },
          quiz: { select: { id: true, title: true, scoreRule: true, items: { select: { points: true, drawCount: true } } } },
        },
      },
    },
  });
  if (!row) return null;
  const { link, ...score } = row;
  const quiz = link.quiz;
  return {
    ...score,
    link: { id: link.id, resourceLinkId: link.resourceLinkId, lineItemUrl: link.lineItemUrl, title: link.title, quizId: link.quizId },
    context: link.context,
    platform: link.platform,
    quiz: quiz
      ? {
          id: quiz.id,
          title: quiz.title,
          scoreRule: quiz.scoreRule as QuizModel["scoreRule"],
          maxScore: quiz.items.reduce((sum, i) => sum + i.points * i.drawCount, 0),
        }
      : null,
  };
}

/** Stores the line item a link's scores go to, unless another sender stored one first; 1 if this one was stored. */
export async function setLineItem(db: Db, linkId: string, url: string): Promise<number> {
  const { count } = await db.ltiResourceLink.updateMany({ where: { id: linkId, lineItemUrl: null }, data: { lineItemUrl: url } });
  return count;
}

export async function lineItemOf(db: Db, linkId: string): Promise<string | null> {
  return (await db.ltiResourceLink.findUnique({ where: { id: linkId }, select: { lineItemUrl: true } }))?.lineItemUrl ?? null;
}

const SETTLE_SENT = `UPDATE "LtiScore" SET "postedBefore" = $5,
    "status" = CASE WHEN "status" = 'SENDING' AND "nextTryAt" = $2 AND "scoredAt" = $3 THEN 'SENT' ELSE "status" END,
    "sentAt" = CASE WHEN "status" = 'SENDING' AND "nextTryAt" = $2 AND "scoredAt" = $3 THEN $4 ELSE "sentAt" END,
    "lastError" = CASE WHEN "status" = 'SENDING' AND "nextTryAt" = $2 AND "scoredAt" = $3 THEN NULL ELSE "lastError" END,
    "updatedAt" = $4
  WHERE "id" = $1`;

/**
 * The platform took the score posted with `scoredAt`: SENT — unless a newer score was queued
 * meanwhile (scoredAt moved, the row is PENDING again) or another sender took over the lease;
 * either way later posts are not new submissions.
 */
export async function settleSent(db: Db, id: string, lease: Date, scoredAt: Date, now: Date): Promise<number> {
  return sqlOf(db).run(SETTLE_SENT, [id, lease, scoredAt, now, true]);
}

const SETTLE_FAILED = `UPDATE "LtiScore" SET "status" = $4, "tries" = $5, "nextTryAt" = $6, "lastError" = $7, "updatedAt" = $8
  WHERE "id" = $1 AND "status" = 'SENDING' AND "nextTryAt" = $2 AND "scoredAt" = $3`;

/**
 * The post failed: PENDING again at `nextTryAt` (a retry), or FAILED for good, with the reason.
 * Nothing changes if the row holds a newer score by now (it is PENDING and goes out on its own).
 */
export async function settleFailed(
  db: Db,
  id: string,
  lease: Date,
  scoredAt: Date,
  outcome: { status: "PENDING" | "FAILED"; tries: number; nextTryAt: Date; error: string },
  now: Date,
): Promise<number> {
  return sqlOf(db).run(SETTLE_FAILED, [id, lease, scoredAt, outcome.status, outcome.tries, outcome.nextTryAt, outcome.error, now]);
}

// ---------------------------------------------------------------- what the gradebook shows

export type ScoreStatusRow = Pick<LtiScore, "status" | "lastError" | "tries" | "nextTryAt" | "sentAt" | "scoreGiven" | "scoreMaximum"> & {
  linkId: string;
  linkTitle: string | null;
  quizId: string;
  quizTitle: string;
  userId: string;
  studentName: string;
};

const statusInclude = {
  link: { select: { id: true, title: true, quiz: { select: { id: true, title: true } } } },
  user: { select: { id: true, name: true } },
} as const;

type StatusRecord = Pick<LtiScore, "status" | "lastError" | "tries" | "nextTryAt" | "sentAt" | "scoreGiven" | "scoreMaximum"> & {
  link: { id: string; title: string | null; quiz: { id: string; title: string } | null };
  user: { id: string; name: string };
};

function statusRow(r: StatusRecord): ScoreStatusRow {
  return {
    status: r.status,
    lastError: r.lastError,
    tries: r.tries,
    nextTryAt: r.nextTryAt,
    sentAt: r.sentAt,
    scoreGiven: r.scoreGiven,
    scoreMaximum: r.scoreMaximum,
    linkId: r.link.id,
    linkTitle: r.link.title,
    quizId: r.link.quiz?.id ?? "",
    quizTitle: r.link.quiz?.title ?? "",
    userId: r.user.id,
    studentName: r.user.name,
  };
}

/** Whether any quiz of the course is linked to an LMS activity. */
export async function courseHasLinks(db: Db, courseId: string): Promise<boolean> {
  return (await db.ltiResourceLink.count({ where: { quiz: { courseId } }, take: 1 })) > 0;
}

/** How many of the course's outbox rows are in each status. */
export async function courseScoreCounts(db: Db, courseId: string): Promise<Record<string, number>> {
  const groups = await db.ltiScore.groupBy({ by: ["status"], where: { link: { quiz: { courseId } } }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

/** The course's rows that are not sent (failed first, then waiting), by student: the gradebook's list. */
export async function courseUnsentScores(db: Db, courseId: string, limit: number): Promise<ScoreStatusRow[]> {
  const rows = await db.ltiScore.findMany({
    where: { link: { quiz: { courseId } }, status: { not: "SENT" } },
    include: statusInclude,
    orderBy: [{ status: "asc" }, { user: { name: "asc" } }],
    take: limit,
  });
  return rows.map(statusRow);
}

/** One student's rows at one quiz of the course: the gradebook cell's LMS status, per link. */
export async function cellScores(db: Db, courseId: string, quizId: string, userId: string): Promise<ScoreStatusRow[]> {
  const rows = await db.ltiScore.findMany({
    where: { userId, link: { quizId, quiz: { courseId } } },
    include: statusInclude,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(statusRow);
}

/** How many LMS links the course's quiz has (0: not in any LMS, or not this course's quiz). */
export async function quizLinkCount(db: Db, courseId: string, quizId: string): Promise<number> {
  return db.ltiResourceLink.count({ where: { quizId, quiz: { courseId } } });
}

/** The (quiz, student) pairs of the course's FAILED rows. */
export async function courseFailedScores(db: Db, courseId: string): Promise<{ quizId: string; userId: string }[]> {
  const rows = await db.ltiScore.findMany({
    where: { status: "FAILED", link: { quiz: { courseId } } },
    select: { userId: true, link: { select: { quizId: true } } },
  });
  return rows.filter((r) => r.link.quizId !== null).map((r) => ({ quizId: r.link.quizId!, userId: r.userId }));
}
