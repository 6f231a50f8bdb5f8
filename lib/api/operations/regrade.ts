// The /api/v1 operations of this area (lib/api/operation.ts). Route files under app/api/v1
// build their handlers from these with apiRoute; the OpenAPI document lists them.
// Regrades: a dry run (staff), an apply (instructors), and reading one while it runs.
import { z } from "zod";
import { RecentRegradeSchema, RegradeBodySchema, RegradeJobSchema } from "../../regrade/schemas";
import { defineOperation, type Operation } from "../operation";

const Id = z.string().min(1).max(64);
const CourseParams = z.object({ courseId: Id });
const JobParams = z.object({ courseId: Id, jobId: Id });
const TAG = "Regrade";

function operation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(op: Operation<P, Q, B, R>) {
  return defineOperation(op) as Operation<P, Q, B, R> & { body: B; query: Q };
}

export const createRegradeOp = operation({
  id: "createRegrade",
  method: "POST",
  path: "/courses/{courseId}/regrade",
  summary: "Start a regrade of a quiz, or of one question in every quiz of the course",
  description:
    "Every graded response in scope is graded again from its stored question version, seed and answer, off the request path: " +
    "poll getRegrade for progress and the result. A DRY_RUN changes nothing; mode APPLY (instructors) writes every change in one transaction.",
  tag: TAG,
  access: { permission: "regrade.preview" },
  params: CourseParams,
  body: RegradeBodySchema,
  response: RegradeJobSchema,
  status: 201,
});

export const listRegradesOp = operation({
  id: "listRegrades",
  method: "GET",
  path: "/courses/{courseId}/regrade",
  summary: "The course's latest regrades, newest first (without their results)",
  tag: TAG,
  access: { permission: "regrade.preview" },
  params: CourseParams,
  response: z.object({ regrades: z.array(RecentRegradeSchema) }),
});

export const getRegradeOp = operation({
  id: "getRegrade",
  method: "GET",
  path: "/courses/{courseId}/regrade/{jobId}",
  summary: "A regrade: its progress, and once done every score that changes (old → new, why) and the totals that move",
  description: "A job whose runner was cut off (its heartbeat is older than 30 s) is started again by this call.",
  tag: TAG,
  access: { permission: "regrade.preview" },
  params: JobParams,
  response: RegradeJobSchema,
});

export const applyRegradeOp = operation({
  id: "applyRegrade",
  method: "POST",
  path: "/courses/{courseId}/regrade/{jobId}/apply",
  summary: "Apply a finished dry run: a new APPLY job with the same scope and options",
  description: "Refused (409) unless the job is a finished dry run. While an apply of it runs, that apply is answered instead of a second.",
  tag: TAG,
  access: { permission: "regrade.apply" },
  params: JobParams,
  response: RegradeJobSchema,
  status: 201,
  errors: [409],
});

export const regradeOperations: readonly Operation[] = [listRegradesOp, createRegradeOp, getRegradeOp, applyRegradeOp];
