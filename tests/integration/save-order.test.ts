// One student's autosaves through two app instances (two database clients on one database, as
// two processes would be), on a real SQLite file and a real PostgreSQL database: with the
// client's save number, the last save by number wins whatever order the instances finish in,
// an older one is refused 409 (stale, with the stored number), and the saved-answer history
// holds exactly the saves that were acknowledged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveResponse } from "@/lib/attempts/save";
import { startAttempt } from "@/lib/attempts/start";
import { submitAttempt } from "@/lib/attempts/submit";
import { createDb, type Db } from "@/lib/db/client";
import { fillDemoQuizzes } from "@/lib/demo/demo-quizzes";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/route";
import { DATABASES, type TestDatabase } from "./databases";

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let other: Db;
  let instances: Db[];
  let quizId = "";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await open();
    other = createDb(t.url);
    instances = [t.db, other];
    await seedDemo(t.db);
    await syncStarterLibrary(t.db);
    await fillDemoQuizzes(t.db);
    const courseId = (await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    for (const u of await t.db.user.findMany()) ids[u.email.split("@")[0]] = u.id;
    const question = (await t.db.question.findFirstOrThrow({ where: { key: "handshake-states" } })).id;
    quizId = (
      await t.db.quiz.create({
        data: {
          courseId,
          title: "Save order",
          mode: "EXAM",
          published: true,
          attemptsAllowed: 10,
          items: { create: { position: 1, questionId: question, points: 2 } },
        },
      })
    ).id;
  });
  afterAll(async () => {
    await other?.$disconnect();
    await t?.drop();
  });

  const STATES = ["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT"];
  /** The student's answer at their n-th save: one more state each time. */
  const answer = (n: number) => ({ states: { client: Array.from({ length: n }, (_, i) => STATES[i % STATES.length]) } });

  /** `who`'s save number `seq` through instance `n % 2`: acknowledged, or the refusal. */
  async function save(who: string, attemptId: string, seq: number, n = seq) {
    try {
      await saveResponse(instances[n % 2], ids[who], attemptId, 1, answer(seq), new Date(), seq);
      return { seq, ok: true as const };
    } catch (error) {
      return { seq, ok: false as const, error: error as AppError };
    }
  }

  async function stored(attemptId: string) {
    const r = await t.db.response.findFirstOrThrow({ where: { attemptId }, include: { saves: { orderBy: { savedAt: "asc" } } } });
    return { answer: JSON.parse(r.answer!) as unknown, saveSeq: r.saveSeq, history: r.saves.map((s) => JSON.parse(s.answer) as unknown) };
  }

  it("saves alternating between the instances, one after another, are all kept, in order", async () => {
    const { attemptId } = await startAttempt(t.db, ids.ada, quizId);
    for (let seq = 1; seq <= 12; seq++) expect(await save("ada", attemptId, seq)).toEqual({ seq, ok: true });
    const s = await stored(attemptId);
    expect(s.answer).toEqual(answer(12));
    expect(s.saveSeq).toBe(12);
    expect(s.history).toEqual(Array.from({ length: 12 }, (_, i) => answer(i + 1)));
  });

  it("an older save finishing after a newer one on the other instance is refused 409, and the newer answer stays", async () => {
    const { attemptId } = await startAttempt(t.db, ids.ben, quizId);
    await save("ben", attemptId, 1);
    await save("ben", attemptId, 3, 1); // through the second instance
    const late = await save("ben", attemptId, 2, 0); // through the first, after it
    expect(late.ok).toBe(false);
    expect(late.error).toBeInstanceOf(AppError);
    expect({ code: late.error!.code, message: late.error!.message, details: late.error!.details }).toEqual({
      code: "CONFLICT",
      message: "attempt.errors.staleSave",
      details: { stale: true, seq: 3 },
    });
    // What the browser receives: the stored number beside the message, so it can tell its own newer save from another device's.
    const body = (await errorResponse(late.error!).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: "CONFLICT", stale: true, seq: 3 });
    expect(body.message).toMatch(/newer save of this answer/);
    // The same number again is refused too: only a higher one wins.
    expect((await save("ben", attemptId, 3, 0)).ok).toBe(false);
    const s = await stored(attemptId);
    expect(s.answer).toEqual(answer(3));
    expect(s.history).toEqual([answer(1), answer(3)]);
  });

  it("many saves in flight at once through both instances: the highest number wins, and the history holds exactly the acknowledged ones", async () => {
    const { attemptId } = await startAttempt(t.db, ids.chen, quizId);
    const seqs = Array.from({ length: 24 }, (_, i) => i + 1);
    // A shuffled order, as two instances under load would finish them.
    const order = [...seqs].sort((a, b) => ((a * 7919) % 24) - ((b * 7919) % 24));
    const results = await Promise.all(order.map((seq, n) => save("chen", attemptId, seq, n)));
    const acked = results.filter((r) => r.ok).map((r) => r.seq);
    for (const r of results)
      if (!r.ok) expect({ message: r.error!.message, details: r.error!.details }).toMatchObject({ details: { stale: true } });
    expect(acked).toContain(24);
    const s = await stored(attemptId);
    expect(s.answer).toEqual(answer(24));
    expect(s.saveSeq).toBe(24);
    expect([...s.history].sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length)).toEqual(
      [...acked].sort((a, b) => a - b).map(answer),
    );
  });

  it("a save without a number (an API client of before) is kept as before and leaves the number alone", async () => {
    const first = await startAttempt(t.db, ids.ada, quizId);
    await submitAttempt(t.db, ids.ada, first.attemptId);
    const { attemptId } = await startAttempt(t.db, ids.ada, quizId);
    await save("ada", attemptId, 5);
    await saveResponse(other, ids.ada, attemptId, 1, answer(1));
    expect(await stored(attemptId)).toMatchObject({ answer: answer(1), saveSeq: 5 });
    expect((await save("ada", attemptId, 4)).ok).toBe(false);
    expect((await save("ada", attemptId, 6)).ok).toBe(true);
  });
});
