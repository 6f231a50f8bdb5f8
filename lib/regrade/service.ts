// Regrades as the API and the pages ask for them: start one (a dry run, or an apply for an
// instructor), read one (starting its runner again if it was cut off), apply a finished dry
// run (a new APPLY job with the same scope and options), list the recent ones. Everything is
// scoped by the course: another course's quiz, question or job is a 404. `schedule` runs a task
// after the response (next/server after() in the routes; the tests pass their own).
import type { Db } from "../db/client";
import { can } from "../auth/permissions";
import type { CourseRole } from "../auth/roles";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { runJob, STALE_AFTER_MS, type JobResult } from "./jobs";
import { applyOf, insertJob, jobById, questionOfCourse, quizOfCourse, recentJobs, scopeChoices, type JobRow } from "./queries";
import type { z } from "zod";
import type { RecentRegradeSchema, RegradeBody, RegradeJobView } from "./schemas";

export type Schedule = (task: () => Promise<void>) => void;

export interface RegradeActor {
  userId: string;
  courseId: string;
  role: CourseRole;
}

/** The title a job's scope is shown by: the quiz's, or the question's (with its key). */
async function scopeTitle(db: Db, job: Pick<JobRow, "courseId" | "quizId" | "bankId" | "questionKey">): Promise<string> {
  if (job.quizId) return (await quizOfCourse(db, job.courseId, job.quizId))?.title ?? job.quizId;
  const q = job.bankId && job.questionKey ? await questionOfCourse(db, job.courseId, job.bankId, job.questionKey) : undefined;
  return q?.title ?? job.questionKey ?? "";
}

/** Whether a poll should start the runner: never started, or its heartbeat went quiet. */
export function needsRunner(job: Pick<JobRow, "status" | "heartbeatAt">, now: Date): boolean {
  if (job.status === "QUEUED") return true;
  return job.status === "RUNNING" && (job.heartbeatAt === null || now.getTime() - job.heartbeatAt.getTime() > STALE_AFTER_MS);
}

async function view(db: Db, job: JobRow): Promise<RegradeJobView> {
  const apply = job.mode === "DRY_RUN" && job.status === "DONE" ? await applyOf(db, job) : undefined;
  return {
    id: job.id,
    mode: job.mode as RegradeJobView["mode"],
    status: job.status as RegradeJobView["status"],
    scope: { quizId: job.quizId, bankId: job.bankId, questionKey: job.questionKey, title: await scopeTitle(db, job) },
    keepOverrides: job.keepOverrides,
    latestVersion: job.latestVersion,
    total: job.total,
    done: job.done,
    changed: job.changed,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    applyJobId: apply?.id ?? null,
    result: job.result ? (JSON.parse(job.result) as JobResult) : null,
  };
}

async function jobOfCourse(db: Db, courseId: string, jobId: string): Promise<JobRow> {
  const job = await jobById(db, jobId);
  if (!job || job.courseId !== courseId) throw new AppError("NOT_FOUND", msg("regrade.errors.jobNotFound"));
  return job;
}

/** Starts a regrade: checks the scope is the course's, writes the QUEUED job, and schedules its runner. */
export async function startRegrade(
  db: Db,
  actor: RegradeActor,
  body: RegradeBody,
  schedule: Schedule,
  now = new Date(),
): Promise<RegradeJobView> {
  if (body.mode === "APPLY" && !can(actor.role, "regrade.apply")) throw new AppError("FORBIDDEN", msg("regrade.errors.applyForbidden"));
  if (body.quizId !== undefined) {
    if (!(await quizOfCourse(db, actor.courseId, body.quizId))) throw new AppError("NOT_FOUND", msg("regrade.errors.quizNotFound"));
  } else if (body.bankId !== undefined && body.questionKey !== undefined) {
    if (!(await questionOfCourse(db, actor.courseId, body.bankId, body.questionKey)))
      throw new AppError("NOT_FOUND", msg("regrade.errors.questionNotFound"));
  } else throw new AppError("UNPROCESSABLE", msg("regrade.errors.scopeMissing"));
  const scope =
    body.quizId !== undefined
      ? { quizId: body.quizId, bankId: null, questionKey: null }
      : { quizId: null, bankId: body.bankId!, questionKey: body.questionKey! };
  const jobId = await insertJob(
    db,
    {
      courseId: actor.courseId,
      ...scope,
      mode: body.mode,
      keepOverrides: body.keepOverrides,
      latestVersion: body.latestVersion,
      createdById: actor.userId,
      createdAt: now,
    },
    {
      actorId: actor.userId,
      courseId: actor.courseId,
      action: "regrade.start",
      detail: { mode: body.mode, ...scope, keepOverrides: body.keepOverrides, latestVersion: body.latestVersion },
      at: now,
    },
  );
  schedule(() => runJob(db, jobId));
  return view(db, (await jobById(db, jobId))!);
}

/** A job as it stands; one that never started or whose runner went quiet is started (again) after the answer. */
export async function getRegrade(db: Db, courseId: string, jobId: string, schedule: Schedule, now = new Date()): Promise<RegradeJobView> {
  const job = await jobOfCourse(db, courseId, jobId);
  if (needsRunner(job, now)) schedule(() => runJob(db, jobId));
  return view(db, job);
}

/**
 * Applies a finished dry run: an APPLY job with the same scope and options, which grades again
 * (what is stored may have moved since) and writes in one transaction. A dry run already being
 * applied answers that apply instead of starting a second.
 */
export async function applyRegrade(
  db: Db,
  actor: RegradeActor,
  jobId: string,
  schedule: Schedule,
  now = new Date(),
): Promise<RegradeJobView> {
  if (!can(actor.role, "regrade.apply")) throw new AppError("FORBIDDEN", msg("regrade.errors.applyForbidden"));
  const job = await jobOfCourse(db, actor.courseId, jobId);
  if (job.mode !== "DRY_RUN" || job.status !== "DONE") throw new AppError("CONFLICT", msg("regrade.errors.notADryRun"));
  const existing = await applyOf(db, job);
  if (existing && (existing.status === "QUEUED" || existing.status === "RUNNING"))
    return getRegrade(db, actor.courseId, existing.id, schedule, now);
  return startRegrade(
    db,
    actor,
    {
      ...(job.quizId ? { quizId: job.quizId } : { bankId: job.bankId!, questionKey: job.questionKey! }),
      mode: "APPLY",
      keepOverrides: job.keepOverrides,
      latestVersion: job.latestVersion,
    },
    schedule,
    now,
  );
}

export type RecentRegrade = z.output<typeof RecentRegradeSchema>;

/** The course's latest regrades, newest first. */
export async function recentRegrades(db: Db, courseId: string, limit = 20): Promise<RecentRegrade[]> {
  const rows = await recentJobs(db, courseId, limit);
  return Promise.all(
    rows.map(async (j) => ({
      id: j.id,
      mode: j.mode as RecentRegrade["mode"],
      status: j.status as RecentRegrade["status"],
      changed: j.changed,
      createdAt: j.createdAt.toISOString(),
      title: await scopeTitle(db, j),
    })),
  );
}

/** What the start page offers: the course's quizzes and the newest version of each bank question. */
export async function regradeChoices(db: Db, courseId: string) {
  return scopeChoices(db, courseId);
}
