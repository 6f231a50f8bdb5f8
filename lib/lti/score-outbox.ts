// The outbox of scores to the LMS (Assignment and Grade Services). Queueing is on the request
// that changed a grade and costs one SELECT when the quiz has no LMS link; it writes the counted
// score to one LtiScore row per (link, student), PENDING, its scoredAt strictly later than the
// row's last. Sending is off the request path (after() on that request, and a periodic sweep in
// every server process): a sender claims a due row with a conditional UPDATE (a lease), posts,
// and settles it — SENT; PENDING again later with exponential backoff (5xx, 429, unreachable);
// or FAILED with the platform's reason (any other 4xx, or too many tries) until sent again by
// hand. A newer score queued while one is in flight makes the row PENDING again, and the settle
// of the older post leaves it so: the newer one goes out next.
import type { ScoredAttempt } from "../attempts/rules";
import type { ScoreChange } from "../attempts/score-changes";
import type { Db } from "../db/client";
import { LEASE_MS, MAX_TRIES, nextScoredAt, retryDelayMs, scoreBody, scoreComment, scoreToQueue } from "./ags";
import { deleteLineItem, findOrCreateLineItem, postScore } from "./ags-client";
import {
  claimedScore,
  claimScore,
  dueScores,
  lineItemOf,
  scoreTargets,
  setLineItem,
  settleFailed,
  settleSent,
  writeScores,
  type ClaimedScoreRow,
  type ScoreTargetRow,
  type ScoreWrite,
} from "./score-outbox-queries";
import { clearServiceTokens, LtiServiceError, serviceToken, type Fetch } from "./service-token";
import { SCOPE } from "./vocabulary";

/** Rounds of read-and-write when a concurrent change wrote the same rows first. */
const QUEUE_ROUNDS = 3;

/**
 * Queues the counted scores of `change.userIds` at the quiz for every LMS link of it where the
 * student is known to the link's platform. `force`: queue even an unchanged score (sending
 * again by hand). The number of rows written.
 */
export async function queueScores(db: Db, change: ScoreChange, now: Date, { force = false } = {}): Promise<number> {
  let written = 0;
  for (let round = 0; round < QUEUE_ROUNDS; round++) {
    const writes = plan(await scoreTargets(db, change.quizId, change.userIds), now, force);
    if (writes.length === 0) return written;
    const changed = await writeScores(db, writes, now);
    written += changed;
    // Fewer rows than written: another change stored a later scoredAt first; read again.
    if (changed === writes.length) return written;
    force = true;
  }
  return written;
}

function plan(rows: readonly ScoreTargetRow[], now: Date, force: boolean): ScoreWrite[] {
  const groups = new Map<string, { first: ScoreTargetRow; attempts: ScoredAttempt[] }>();
  for (const r of rows) {
    const key = `${r.linkId}\u0000${r.userId}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { first: r, attempts: [] }));
    if (r.number !== null && r.status !== null)
      g.attempts.push({ number: r.number, status: r.status, score: r.score, maxScore: r.maxScore, overrideScore: r.overrideScore });
  }
  const writes: ScoreWrite[] = [];
  for (const { first: r, attempts } of groups.values()) {
    const previous =
      r.scoreId !== null
        ? {
            scoreGiven: r.prevScoreGiven,
            scoreMaximum: Number(r.prevScoreMaximum),
            activityProgress: "",
            gradingProgress: r.prevGradingProgress ?? "",
            status: r.prevStatus ?? "",
          }
        : null;
    const value = scoreToQueue(r.scoreRule, attempts, r.excused === 1, previous, force);
    if (!value) continue;
    writes.push({ linkId: r.linkId, userId: r.userId, ltiSub: r.sub, ...value, scoredAt: nextScoredAt(r.prevScoredAt, now) });
  }
  return writes;
}

export type SendOptions = { fetch?: Fetch; now?: () => Date; limit?: number };
export type SendReport = { sent: number; retrying: number; failed: number };

const clock = () => new Date();

/**
 * Sends every row due now, one at a time (a link's rows together, so its line item is looked
 * up or made once), until none is left or `limit` were tried. Never throws: each outcome is
 * written to its row, so one student's refusal does not stop the others.
 */
export async function sendDueScores(db: Db, options: SendOptions = {}): Promise<SendReport> {
  const now = options.now ?? clock;
  const limit = options.limit ?? 200;
  const report: SendReport = { sent: 0, retrying: 0, failed: 0 };
  let tried = 0;
  while (tried < limit) {
    const due = await dueScores(db, now(), Math.min(50, limit - tried));
    if (due.length === 0) break;
    let claimedAny = false;
    for (const id of due) {
      tried++;
      const at = now();
      const lease = new Date(at.getTime() + LEASE_MS);
      if ((await claimScore(db, id, at, lease)) !== 1) continue; // another sender has it
      claimedAny = true;
      const outcome = await sendClaimed(db, id, lease, options).catch((error: unknown) => {
        console.error("sending a score failed", error);
        return "retrying" as const;
      });
      if (outcome !== "superseded") report[outcome]++;
    }
    if (!claimedAny) break;
  }
  return report;
}

async function sendClaimed(db: Db, id: string, lease: Date, options: SendOptions): Promise<keyof SendReport | "superseded"> {
  const row = await claimedScore(db, id);
  // Between the claim and this read a newer score may have been queued (the row is PENDING
  // again) and claimed by another sender: that one posts it, not this one.
  if (!row || row.status !== "SENDING" || row.nextTryAt.getTime() !== lease.getTime()) return "superseded";
  const now = options.now ?? clock;
  try {
    await post(db, row, options);
  } catch (error) {
    const failure =
      error instanceof LtiServiceError ? error : new LtiServiceError(error instanceof Error ? error.message : String(error), 0, true);
    if (failure.status === 401) clearServiceTokens(); // a token the platform no longer takes: a fresh one next time
    const tries = row.tries + 1;
    const retry = failure.retryable && tries < MAX_TRIES;
    const at = now();
    await settleFailed(
      db,
      id,
      lease,
      row.scoredAt,
      {
        status: retry ? "PENDING" : "FAILED",
        tries,
        nextTryAt: retry ? new Date(at.getTime() + retryDelayMs(tries)) : at,
        error: (failure.retryable && !retry ? `gave up after ${tries} tries: ` : "") + failure.message,
      },
      at,
    );
    return retry ? "retrying" : "failed";
  }
  await settleSent(db, id, lease, row.scoredAt, now());
  return "sent";
}

function grantedScopes(row: ClaimedScoreRow): string[] {
  let granted: unknown;
  try {
    granted = JSON.parse(row.context.agsScopes);
  } catch {
    granted = [];
  }
  const list = Array.isArray(granted) ? granted.filter((s): s is string => typeof s === "string") : [];
  return [SCOPE.score, SCOPE.lineItem, SCOPE.lineItemReadOnly].filter((s) => list.includes(s));
}

async function post(db: Db, row: ClaimedScoreRow, options: SendOptions): Promise<void> {
  if (!row.quiz) throw new LtiServiceError("the LMS activity no longer opens a quiz here", 0, false);
  const scopes = grantedScopes(row);
  if (!scopes.includes(SCOPE.score)) throw new LtiServiceError("the LMS did not grant this tool the scope to send scores", 403, false);
  const token = await serviceToken(db, row.platform, scopes, { fetch: options.fetch, now: options.now });
  const c = { token, fetch: options.fetch };
  const lineItemUrl = row.link.lineItemUrl ?? (await lineItemFor(db, row, scopes.includes(SCOPE.lineItem), c));
  const body = scoreBody({
    ltiSub: row.ltiSub,
    scoreGiven: row.scoreGiven,
    scoreMaximum: row.scoreMaximum,
    activityProgress: row.activityProgress,
    gradingProgress: row.gradingProgress,
    scoredAt: row.scoredAt,
    comment: scoreComment(row.quiz.scoreRule),
    postedBefore: row.postedBefore,
  });
  await postScore(lineItemUrl, body, c);
}

/** Links whose line item is being looked up or made in this process: one sender per link does it. */
const lineItemInFlight = new Map<string, Promise<string>>();

/**
 * The line item of a link that has none yet: looked up by resource link id, made only when the
 * LMS has none. Within a process one lookup runs per link; across instances the first stored
 * wins, and a line item another instance made meanwhile is deleted again.
 */
function lineItemFor(db: Db, row: ClaimedScoreRow, mayCreate: boolean, c: { token: string; fetch?: Fetch }): Promise<string> {
  const running = lineItemInFlight.get(row.link.id);
  if (running) return running;
  const job = (async () => {
    const stored = await lineItemOf(db, row.link.id);
    if (stored) return stored;
    if (!row.context.lineItemsUrl) throw new LtiServiceError("the LMS gave no gradebook service for this course", 0, false);
    const item = await findOrCreateLineItem(
      {
        lineItemsUrl: row.context.lineItemsUrl,
        resourceLinkId: row.link.resourceLinkId,
        resourceId: row.quiz!.id,
        label: row.link.title ?? row.quiz!.title,
        scoreMaximum: row.quiz!.maxScore > 0 ? row.quiz!.maxScore : row.scoreMaximum,
      },
      mayCreate,
      c,
    );
    if ((await setLineItem(db, row.link.id, item.url)) === 1) return item.url;
    const winner = (await lineItemOf(db, row.link.id)) ?? item.url;
    if (item.created && winner !== item.url) await deleteLineItem(item.url, c).catch(() => undefined);
    return winner;
  })();
  lineItemInFlight.set(row.link.id, job);
  return job.finally(() => lineItemInFlight.delete(row.link.id));
}
