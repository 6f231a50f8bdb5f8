// Assignment and Grade Services 2.0, the rules with no I/O: where a line item's scores go, what
// a score says, and when a failed post is tried again. The HTTP calls are in ags-client.ts; the
// outbox that decides what to send is score-outbox.ts.
import { countedScore, type ScoredAttempt } from "../attempts/rules";
import type { ScoreRule } from "../db/quiz-values";

/**
 * `<line item>/scores`, inserted into the path (AGS §3.4): Moodle's line item URLs carry a query
 * (`…/lineitem?type_id=3`), which stays after the new segment. A trailing slash is not doubled.
 */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/scores`;
  return url.toString();
}

/** The line item container filtered to one resource link, keeping whatever query the platform's URL has. */
export function lineItemsForLinkUrl(lineItemsUrl: string, resourceLinkId: string): string {
  const url = new URL(lineItemsUrl);
  url.searchParams.set("resource_link_id", resourceLinkId);
  return url.toString();
}

/** The next page of a paged container: the `Link` header's rel="next", used verbatim. */
export function nextPageUrl(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (match && /(^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/.test(match[2])) return match[1];
  }
  return null;
}

/** Canvas's extension: a post that is not the student's first is not a new submission (no "needs grading" again). */
export const CANVAS_SUBMISSION = "https://canvas.instructure.com/lti/submission";

/** What the outbox holds for one student on one link. */
export type ScoreToSend = {
  ltiSub: string;
  scoreGiven: number | null;
  scoreMaximum: number;
  activityProgress: string;
  gradingProgress: string;
  scoredAt: Date;
  comment: string;
  /** A post for this student on this link was accepted before. */
  postedBefore: boolean;
};

/**
 * The score POST body (AGS §3.4.1). The timestamp is ISO 8601 with milliseconds and an explicit
 * offset, as the specification's examples write it. A cleared score (an excused student) has no
 * scoreGiven; Canvas and Moodle then empty the grade.
 */
export function scoreBody(score: ScoreToSend): Record<string, unknown> {
  const body: Record<string, unknown> = {
    userId: score.ltiSub,
    scoreMaximum: score.scoreMaximum,
    activityProgress: score.activityProgress,
    gradingProgress: score.gradingProgress,
    timestamp: isoWithOffset(score.scoredAt),
    comment: score.comment,
  };
  if (score.scoreGiven !== null) body.scoreGiven = score.scoreGiven;
  if (score.postedBefore) body[CANVAS_SUBMISSION] = { new_submission: false };
  return body;
}

/** `2026-12-01T10:15:30.123+00:00`: UTC with milliseconds and a numeric offset. */
export function isoWithOffset(at: Date): string {
  return at.toISOString().replace(/Z$/, "+00:00");
}

/**
 * The score's time for a new value, after `previous`: now, unless that is in the same second as
 * (or before) the previous one — Moodle compares whole seconds and refuses a score that is not
 * strictly later (409) — then the start of the next second.
 */
export function nextScoredAt(previous: Date | null, now: Date): Date {
  if (!previous) return now;
  const floor = Math.floor(previous.getTime() / 1000) * 1000 + 1000;
  return now.getTime() >= floor ? now : new Date(floor);
}

/** The comment sent with every score: always the same for a quiz, since Blackboard clears a comment a later post leaves out. */
export function scoreComment(rule: ScoreRule): string {
  const which = { HIGHEST: "the best attempt", LATEST: "the latest attempt", AVERAGE: "the average of the attempts" }[rule];
  return `SynAck Lab: ${which} counts.`;
}

/** How many tries a score gets before it is marked failed. */
export const MAX_TRIES = 10;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** The wait before try `tries + 1` after `tries` failed ones: 30 s, 1 min, 2 min, … at most an hour. */
export function retryDelayMs(tries: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, tries - 1));
}

/** How long a sender holds a claimed row: longer than a token request, a line-item lookup and a post, each with its timeout. */
export const LEASE_MS = 2 * 60_000;

/** The value part of an outbox row. */
export type ScoreValue = Pick<ScoreToSend, "scoreGiven" | "scoreMaximum" | "activityProgress" | "gradingProgress">;

/** Scores keep four decimals: an average of attempts need not be sent as 6.666666666666667. */
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * What the LMS should hold for a student, or null when there is nothing to send: the score that
 * counts by the quiz's rule (lib/attempts/rules countedScore: overrides applied), Completed and
 * FullyGraded. An excused student's score is taken back — no scoreGiven, gradingProgress
 * NotReady, which Canvas and Moodle both store as an empty grade — but only if one was queued
 * before; nothing graded, nothing sent. Unless `force` (sending again by hand), a value equal to
 * the row's (not failed) is not queued again.
 */
export function scoreToQueue(
  rule: ScoreRule,
  attempts: readonly ScoredAttempt[],
  excused: boolean,
  previous: (ScoreValue & { status: string }) | null,
  force = false,
): ScoreValue | null {
  let value: ScoreValue;
  if (excused) {
    if (!previous) return null;
    value = {
      scoreGiven: null,
      scoreMaximum: previous.scoreMaximum,
      activityProgress: attempts.some((a) => a.status === "SUBMITTED") ? "Completed" : "Initialized",
      gradingProgress: "NotReady",
    };
  } else {
    const counted = countedScore(rule, attempts);
    if (!counted || counted.maxScore <= 0) return null;
    value = {
      scoreGiven: round4(counted.score),
      scoreMaximum: round4(counted.maxScore),
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
    };
  }
  const same =
    previous !== null &&
    previous.status !== "FAILED" &&
    previous.scoreGiven === value.scoreGiven &&
    previous.scoreMaximum === value.scoreMaximum &&
    previous.gradingProgress === value.gradingProgress;
  return same && !force ? null : value;
}
