// Regrade against a real SQLite file and a real PostgreSQL database: a dry run lists exactly
// what an apply then writes; the same inputs and the same grader change nothing; a submit
// racing a regrade is graded once and seen whole or not at all; a job finishes with no page
// polling it, and one whose runner was cut off is run again by the next poll.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveResponse } from "@/lib/attempts/save";
import { startAttempt } from "@/lib/attempts/start";
import { submitAttempt } from "@/lib/attempts/submit";
import { fillDemoQuizzes } from "@/lib/demo/demo-quizzes";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { GRADER_VERSION } from "@/lib/grading";
import { expectedAnswer } from "@/lib/questions";
import { runJob } from "@/lib/regrade/jobs";
import { applyRegradeWrites, claimJob } from "@/lib/regrade/queries";
import { RegradeBodySchema, type RegradeJobView } from "@/lib/regrade/schemas";
import { applyRegrade, getRegrade, recentRegrades, startRegrade, type RegradeActor } from "@/lib/regrade/service";
import { AppError } from "@/lib/server/errors";
import { DATABASES, type TestDatabase } from "./databases";

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let courseId = "";
  let question: { id: string; bankId: string; key: string; version: number; template: string; title: string };
  const ids: Record<string, string> = {};
  let instructor: RegradeActor;
  let ta: RegradeActor;

  /** Runs what the route would run after the answer, and keeps it to be awaited. */
  const tasks: Promise<void>[] = [];
  const schedule = (task: () => Promise<void>) => void tasks.push(task());
  const settle = async () => {
    while (tasks.length) await tasks.shift();
  };

  beforeAll(async () => {
    t = await open();
    await seedDemo(t.db);
    await syncStarterLibrary(t.db);
    await fillDemoQuizzes(t.db);
    courseId = (await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    for (const u of await t.db.user.findMany()) ids[u.email.split("@")[0]] = u.id;
    question = await t.db.question.findFirstOrThrow({
      where: { key: "handshake-states", bank: { courseId } },
      orderBy: { version: "desc" },
    });
    instructor = { userId: ids.instructor, courseId, role: "INSTRUCTOR" };
    ta = { userId: ids.instructor, courseId, role: "TA" };
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function quiz(points = 2) {
    return t.db.quiz.create({
      data: {
        courseId,
        title: `Regrade quiz ${Math.random().toString(36).slice(2, 8)}`,
        mode: "EXAM",
        published: true,
        feedbackRelease: "IMMEDIATELY",
        attemptsAllowed: 3,
        items: { create: { position: 1, questionId: question.id, points } },
      },
      include: { items: true },
    });
  }

  /** The expected answer of an attempt's only response, or it with the server's last state dropped (partly right). */
  async function answerFor(attemptId: string, kind: "right" | "partly" | "blank") {
    const r = await t.db.response.findFirstOrThrow({ where: { attemptId }, include: { question: true } });
    const { kind: _kind, ...answer } = expectedAnswer(JSON.parse(r.question.template), Number(r.seed)) as {
      kind: string;
      states: Record<string, string[]>;
    };
    if (kind === "blank") return { states: { client: [], server: [] } };
    if (kind === "partly") return { ...answer, states: { ...answer.states, server: answer.states.server.slice(0, -1) } };
    return answer;
  }

  async function submitted(quizId: string, student: string, kind: "right" | "partly" | "blank") {
    const { attemptId } = await startAttempt(t.db, ids[student], quizId);
    await saveResponse(t.db, ids[student], attemptId, 1, await answerFor(attemptId, kind));
    await submitAttempt(t.db, ids[student], attemptId);
    return attemptId;
  }

  async function classOf(quizId: string) {
    return {
      ada: await submitted(quizId, "ada", "right"),
      ben: await submitted(quizId, "ben", "partly"),
      chen: await submitted(quizId, "chen", "blank"),
    };
  }

  async function run(actor: RegradeActor, body: Partial<ReturnType<typeof RegradeBodySchema.parse>>): Promise<RegradeJobView> {
    const job = await startRegrade(t.db, actor, RegradeBodySchema.parse(body), schedule);
    await settle();
    return getRegrade(t.db, courseId, job.id, schedule);
  }

  const snapshot = (quizId: string) =>
    t.db.response.findMany({
      where: { attempt: { quizId } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        score: true,
        maxScore: true,
        feedback: true,
        graderVersion: true,
        gradedAt: true,
        questionId: true,
        regradedAt: true,
        overrideScore: true,
      },
    });

  it("the same inputs and the same grader version: a dry run lists nothing and an apply writes nothing", async () => {
    const q = await quiz();
    await classOf(q.id);
    const before = await snapshot(q.id);
    const dry = await run(instructor, { quizId: q.id });
    expect(dry.status).toBe("DONE");
    expect(dry.total).toBe(3);
    expect(dry.result).toMatchObject({ total: 3, changes: [], refreshed: 0, attempts: [], students: [] });
    const applied = await applyRegrade(t.db, instructor, dry.id, schedule);
    await settle();
    const done = await getRegrade(t.db, courseId, applied.id, schedule);
    expect(done).toMatchObject({ mode: "APPLY", status: "DONE", changed: 0, result: { applied: { written: 0, skipped: [] } } });
    expect(await snapshot(q.id)).toEqual(before);
  });

  it("a change of points: the dry run changes nothing, the apply writes exactly what it listed, and a second regrade finds nothing", async () => {
    const q = await quiz(2);
    const a = await classOf(q.id);
    const before = await snapshot(q.id);
    await t.db.quizItem.update({ where: { id: q.items[0].id }, data: { points: 4 } });

    const dry = await run(instructor, { quizId: q.id });
    expect(await snapshot(q.id)).toEqual(before); // a dry run writes nothing
    const changes = dry.result!.changes;
    expect(changes.map((c) => [c.attemptId, c.oldScore, c.newScore, c.oldMax, c.newMax]).sort()).toEqual(
      [
        [a.ada, 2, 4, 2, 4],
        [a.ben, expect.any(Number), expect.any(Number), 2, 4],
        [a.chen, 0, 0, 2, 4],
      ].sort(),
    );
    const ben = changes.find((c) => c.attemptId === a.ben)!;
    expect(ben.oldScore).toBeGreaterThan(0);
    expect(ben.oldScore).toBeLessThan(2);
    expect(ben.newScore).toBeCloseTo(ben.oldScore * 2, 9);
    for (const c of changes) expect(c.reasons).toEqual([{ kind: "points", from: 2, to: 4 }]);
    expect(dry.result!.students.map((s) => s.studentName).sort()).toEqual(["Ada Okafor", "Ben Carter", "Chen Wei"]);

    const apply = await applyRegrade(t.db, instructor, dry.id, schedule);
    await settle();
    const done = await getRegrade(t.db, courseId, apply.id, schedule);
    // dry run = apply: the same changes, the same attempts and the same totals
    expect(done.result!.changes).toEqual(changes);
    expect(done.result!.attempts).toEqual(dry.result!.attempts);
    expect(done.result!.students).toEqual(dry.result!.students);
    expect(done.result!.applied).toEqual({ written: 3, skipped: [] });

    for (const [student, attemptId] of Object.entries(a)) {
      const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { responses: true } });
      const change = changes.find((c) => c.attemptId === attemptId)!;
      expect(attempt.maxScore, student).toBe(4);
      expect(attempt.score!, student).toBeCloseTo(change.newScore, 9);
      expect(attempt.responses[0].score!).toBeCloseTo(change.newScore, 9);
      expect(attempt.responses[0].maxScore).toBe(4);
      expect(attempt.responses[0].regradedAt).not.toBeNull();
      expect(attempt.regradedAt).not.toBeNull();
    }
    const audit = await t.db.auditLog.findMany({ where: { action: "regrade.apply", target: apply.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ responses: 3, changed: 3, students: 3 });

    // The dry run now names its apply, and applying it again answers nothing new.
    expect((await getRegrade(t.db, courseId, dry.id, schedule)).applyJobId).toBe(apply.id);
    const again = await run(instructor, { quizId: q.id });
    expect(again.result).toMatchObject({ changes: [], refreshed: 0 });
  });

  it("an answer graded by an older grader is regraded and said so; overrides are kept unless cleared", async () => {
    const q = await quiz(2);
    const a = await classOf(q.id);
    const adaResponse = await t.db.response.findFirstOrThrow({ where: { attemptId: a.ada } });
    // As an older grader left it: a right answer scored 0, and an override on Ben's answer.
    await t.db.response.update({ where: { id: adaResponse.id }, data: { score: 0, graderVersion: "2000.01.01-1" } });
    await t.db.attempt.update({ where: { id: a.ada }, data: { score: 0 } });
    const benResponse = await t.db.response.findFirstOrThrow({ where: { attemptId: a.ben } });
    await t.db.response.update({
      where: { id: benResponse.id },
      data: { overrideScore: 1.5, overrideReason: "kind", overrideById: ids.instructor, overrideAt: new Date() },
    });
    await t.db.attempt.update({ where: { id: a.ben }, data: { score: 1.5 } });
    await t.db.quizItem.update({ where: { id: q.items[0].id }, data: { points: 3 } });

    const kept = await run(instructor, { quizId: q.id });
    const ada = kept.result!.changes.find((c) => c.attemptId === a.ada)!;
    expect(ada).toMatchObject({ oldScore: 0, newScore: 3 });
    expect(ada.reasons).toContainEqual({ kind: "graderVersion", from: "2000.01.01-1", to: GRADER_VERSION });
    expect(ada.reasons).toContainEqual({ kind: "points", from: 2, to: 3 });
    const ben = kept.result!.changes.find((c) => c.attemptId === a.ben)!;
    expect(ben.override).toEqual({ score: 1.5, cleared: false });
    // Ben's total stays at his override: his counted score does not move
    expect(kept.result!.attempts.find((x) => x.attemptId === a.ben)).toMatchObject({ oldScore: 1.5, newScore: 1.5, oldMax: 2, newMax: 3 });

    const cleared = await run(instructor, { quizId: q.id, mode: "APPLY", keepOverrides: false });
    expect(cleared.result!.changes.find((c) => c.attemptId === a.ben)!.override).toEqual({ score: 1.5, cleared: true });
    const benAfter = await t.db.attempt.findUniqueOrThrow({ where: { id: a.ben }, include: { responses: true } });
    expect(benAfter.responses[0]).toMatchObject({ overrideScore: null, overrideReason: null, overrideById: null });
    expect(benAfter.score!).toBeCloseTo(benAfter.responses[0].score!, 9);
    const adaAfter = await t.db.response.findUniqueOrThrow({ where: { id: adaResponse.id } });
    expect(adaAfter).toMatchObject({ score: 3, maxScore: 3, graderVersion: GRADER_VERSION });
  });

  it("the newest question version is used where the student's variant is unchanged, and the one they saw is kept where it is not", async () => {
    const q = await quiz(2);
    const a = await classOf(q.id);
    const template = JSON.parse(question.template);
    // Same variant, stricter policy: a partly right answer now scores nothing.
    const strict = await t.db.question.create({
      data: {
        bankId: question.bankId,
        key: question.key,
        version: question.version + 1,
        title: question.title,
        template: JSON.stringify({ ...template, policy: "all-or-nothing" }),
      },
    });
    const strictDry = await run(instructor, { quizId: q.id });
    expect(strictDry.result!.kept).toEqual([]);
    const ben = strictDry.result!.changes.find((c) => c.attemptId === a.ben)!;
    expect(ben.newScore).toBe(0);
    expect(ben.reasons).toContainEqual({ kind: "questionVersion", from: question.version, to: question.version + 1 });
    const seenOnly = await run(instructor, { quizId: q.id, latestVersion: false });
    expect(seenOnly.result).toMatchObject({ changes: [], refreshed: 0, kept: [] });

    // A version that asks something else: every student's variant differs, so the version they saw is kept.
    await t.db.question.create({
      data: {
        bankId: question.bankId,
        key: question.key,
        version: question.version + 2,
        title: question.title,
        template: JSON.stringify({ ...template, ask: { ...template.ask, endpoints: ["client"] } }),
      },
    });
    const keptDry = await run(instructor, { quizId: q.id });
    expect(keptDry.result!.changes).toEqual([]);
    expect(keptDry.result!.kept.map((k) => k.note)).toEqual(
      Array(3).fill({ kind: "versionKept", version: question.version, latest: question.version + 2 }),
    );
    await t.db.question.deleteMany({ where: { id: { in: [strict.id] } } });
    await t.db.question.deleteMany({ where: { bankId: question.bankId, key: question.key, version: question.version + 2 } });
  });

  it("one question across every quiz of the course", async () => {
    const q1 = await quiz(2);
    const q2 = await quiz(2);
    await submitted(q1.id, "ada", "right");
    await submitted(q2.id, "ada", "right");
    await t.db.quizItem.updateMany({ where: { id: { in: [q1.items[0].id, q2.items[0].id] } }, data: { points: 5 } });
    const dry = await run(ta, { bankId: question.bankId, questionKey: question.key });
    const quizzes = new Set(dry.result!.changes.map((c) => c.quizId));
    expect(quizzes.has(q1.id) && quizzes.has(q2.id)).toBe(true);
  });

  it("a submit racing an apply is graded once, by one grader version, and the regrade sees it whole or not at all", async () => {
    const q = await quiz(2);
    await classOf(q.id);
    const { attemptId } = await startAttempt(t.db, ids.ada, q.id);
    await saveResponse(t.db, ids.ada, attemptId, 1, await answerFor(attemptId, "right"));
    await t.db.quizItem.update({ where: { id: q.items[0].id }, data: { points: 6 } });
    const job = await startRegrade(t.db, instructor, RegradeBodySchema.parse({ quizId: q.id, mode: "APPLY" }), () => undefined);
    await Promise.all([runJob(t.db, job.id), submitAttempt(t.db, ids.ada, attemptId)]);
    const done = await getRegrade(t.db, courseId, job.id, schedule);
    expect(done.status).toBe("DONE");
    const seen =
      done.result!.attempts.some((x) => x.attemptId === attemptId) || done.result!.changes.some((c) => c.attemptId === attemptId);
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { responses: true } });
    expect(attempt.status).toBe("SUBMITTED");
    expect(attempt.responses.every((r) => r.graderVersion === GRADER_VERSION)).toBe(true);
    // Graded at its start's points (2) by submit; 6 only if the regrade saw it after the submit.
    expect(attempt.score).toBe(seen ? 6 : 2);
    expect(attempt.score).toBe(attempt.responses.reduce((s, r) => s + (r.overrideScore ?? r.score ?? 0), 0));
    expect(await t.db.auditLog.count({ where: { action: "attempt.submit", target: attemptId } })).toBe(1);
  });

  it("an apply leaves a response that changed after it was read as the other change made it", async () => {
    const q = await quiz(2);
    const a = await classOf(q.id);
    const job = await startRegrade(t.db, instructor, RegradeBodySchema.parse({ quizId: q.id, mode: "APPLY" }), () => undefined);
    const startedAt = new Date();
    expect(await claimJob(t.db, job.id, startedAt, new Date(0))).toBe(1);
    const r = await t.db.response.findFirstOrThrow({ where: { attemptId: a.ada } });
    const read = {
      score: r.score,
      feedback: r.feedback,
      graderVersion: r.graderVersion,
      questionId: r.questionId,
      overrideScore: r.overrideScore,
    };
    // Staff override the answer between the regrade's read and its write.
    await t.db.response.update({ where: { id: r.id }, data: { overrideScore: 1, overrideReason: "checked by hand" } });
    const write = {
      responseId: r.id,
      attemptId: a.ada,
      score: 9,
      maxScore: 9,
      feedback: "{}",
      graderVersion: "other",
      questionId: r.questionId,
      scoreChanged: true,
      clearOverride: true,
      read,
    };
    const out = await applyRegradeWrites(
      t.db,
      job.id,
      startedAt,
      [write],
      { total: 1, done: 1, changed: 1, result: "{}" },
      { action: "regrade.apply", courseId },
      new Date(),
    );
    expect(out).toEqual({ written: [false], finished: true });
    expect(await t.db.response.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      score: r.score,
      maxScore: 2,
      overrideScore: 1,
      feedback: r.feedback,
    });
    // The attempt's total is recomputed from what is stored: the override counts.
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: a.ada } })).score).toBe(1);
  });

  it("a job finishes with no page polling it, and a runner cut off is started again by the next poll", async () => {
    const q = await quiz(2);
    await classOf(q.id);
    // Nobody polls: the task scheduled at the start runs to the end by itself.
    const detached: Promise<void>[] = [];
    const job = await startRegrade(t.db, instructor, RegradeBodySchema.parse({ quizId: q.id }), (task) => void detached.push(task()));
    await Promise.all(detached);
    expect((await t.db.regradeJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("DONE");

    // A runner that died mid-way: RUNNING, its heartbeat a minute old. A poll restarts it.
    const stuck = await startRegrade(t.db, instructor, RegradeBodySchema.parse({ quizId: q.id }), () => undefined);
    const old = new Date(Date.now() - 60_000);
    await t.db.regradeJob.update({
      where: { id: stuck.id },
      data: { status: "RUNNING", startedAt: old, heartbeatAt: old, done: 1, total: 3 },
    });
    const polled = await getRegrade(t.db, courseId, stuck.id, schedule);
    expect(polled.status).toBe("RUNNING");
    await settle();
    expect(await getRegrade(t.db, courseId, stuck.id, schedule)).toMatchObject({ status: "DONE", total: 3, done: 3 });

    // A live runner is left alone: a fresh heartbeat is not taken over.
    const live = await startRegrade(t.db, instructor, RegradeBodySchema.parse({ quizId: q.id }), () => undefined);
    await t.db.regradeJob.update({ where: { id: live.id }, data: { status: "RUNNING", startedAt: new Date(), heartbeatAt: new Date() } });
    await runJob(t.db, live.id);
    expect((await t.db.regradeJob.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("RUNNING");
  });

  it("a TA may dry-run but not apply; another course's quiz or job is not found", async () => {
    const q = await quiz(2);
    const dry = await run(ta, { quizId: q.id });
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e instanceof AppError ? e.code : e),
      );
    expect(await codeOf(applyRegrade(t.db, ta, dry.id, schedule))).toBe("FORBIDDEN");
    expect(await codeOf(startRegrade(t.db, ta, RegradeBodySchema.parse({ quizId: q.id, mode: "APPLY" }), schedule))).toBe("FORBIDDEN");
    const other = await t.db.course.create({
      data: { code: "OTHER101", title: "Other", joinCode: "OTHERJOIN1", createdById: ids.instructor },
    });
    const outsider: RegradeActor = { userId: ids.instructor, courseId: other.id, role: "INSTRUCTOR" };
    expect(await codeOf(startRegrade(t.db, outsider, RegradeBodySchema.parse({ quizId: q.id }), schedule))).toBe("NOT_FOUND");
    expect(await codeOf(getRegrade(t.db, other.id, dry.id, schedule))).toBe("NOT_FOUND");
    expect(await codeOf(applyRegrade(t.db, instructor, (await run(instructor, { quizId: q.id, mode: "APPLY" })).id, schedule))).toBe(
      "CONFLICT",
    );
    expect(RegradeBodySchema.safeParse({ quizId: q.id, bankId: "b", questionKey: "k" }).success).toBe(false);
    expect(RegradeBodySchema.safeParse({}).success).toBe(false);
    // The course's list has the dry run, by its quiz's title; another course's has none of this one's.
    expect((await recentRegrades(t.db, courseId)).find((r) => r.id === dry.id)).toMatchObject({
      mode: "DRY_RUN",
      status: "DONE",
      title: q.title,
    });
    expect(await recentRegrades(t.db, other.id)).toEqual([]);
  });
});
