// The quiz settings as students meet them, on a real SQLite file and a real PostgreSQL
// database: the access password (missing, wrong, right, tries limited per student and quiz,
// parallel guesses, resuming without it), accommodations (a longer limit, a later close), a
// shuffled order per attempt, a quiz for several sections, archived questions not drawn, the
// counted score on the course page's list and feedback released on a date.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_PASSWORD_LIMIT } from "@/lib/attempts/rules";
import { saveResponse } from "@/lib/attempts/save";
import { startAttempt, type PasswordCheck } from "@/lib/attempts/start";
import { submitAttempt } from "@/lib/attempts/submit";
import { attemptView } from "@/lib/attempts/view";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hashing";
import { fillDemoQuizzes } from "@/lib/demo/demo-quizzes";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { expectedAnswer } from "@/lib/questions";
import { quizzesForStudent } from "@/lib/quizzes/for-student";
import { AppError } from "@/lib/server/errors";
import { DATABASES, type TestDatabase } from "./databases";
import { say } from "../unit/attempts/say";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const minutes = (n: number) => n * 60_000;

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let courseId = "";
  let question = "";
  let template = "";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await open();
    await seedDemo(t.db);
    await syncStarterLibrary(t.db);
    await fillDemoQuizzes(t.db);
    courseId = (await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    for (const u of await t.db.user.findMany()) ids[u.email.split("@")[0]] = u.id;
    const q = await t.db.question.findFirstOrThrow({ where: { key: "handshake-states" } });
    question = q.id;
    template = q.template;
    // A student in no section.
    await t.db.user.create({ data: { id: "dana", name: "Dana", email: "dana@synack.test" } });
    await t.db.enrollment.create({ data: { courseId, userId: "dana", role: "STUDENT", section: null } });
    ids.dana = "dana";
  });
  afterAll(async () => {
    await t?.drop();
  });

  type Settings = Partial<{
    timeLimitSec: number;
    attemptsAllowed: number;
    feedbackRelease: string;
    releaseAt: Date;
    scoreRule: string;
    closesAt: Date;
    sections: string;
    shuffle: boolean;
    accessPasswordHash: string;
  }>;

  /** A published exam of `count` fixed items of the same question, `points` each. */
  async function quiz(settings: Settings = {}, count = 1, points = 2) {
    return t.db.quiz.create({
      data: {
        courseId,
        title: "Settings quiz",
        mode: "EXAM",
        published: true,
        feedbackRelease: "IMMEDIATELY",
        ...settings,
        items: { create: Array.from({ length: count }, (_, k) => ({ position: k + 1, questionId: question, points })) },
      },
      include: { items: { orderBy: { position: "asc" } } },
    });
  }
  async function attemptsOf(quizId: string) {
    return t.db.attempt.count({ where: { quizId } });
  }
  /** The expected answer of question `position` of an attempt. */
  async function expectedFor(attemptId: string, position = 1) {
    const r = await t.db.response.findFirstOrThrow({ where: { attemptId, position }, include: { question: true } });
    const { kind: _kind, ...answer } = expectedAnswer(JSON.parse(r.question.template), Number(r.seed));
    return answer;
  }

  describe("the access password", () => {
    it("a missing or wrong password starts nothing and says so; the right one starts; resuming needs none", async () => {
      const exam = await quiz({ accessPasswordHash: await hashPassword("tcp-rocks") });
      const missing = await refusal(startAttempt(t.db, ids.ada, exam.id, new Date(), { checkPassword: verifyPassword }));
      expect([missing.code, say(missing.text)]).toEqual([
        "FORBIDDEN",
        "This exam asks for its access password: type the password your instructor gave you.",
      ]);
      const wrong = await refusal(
        startAttempt(t.db, ids.ada, exam.id, new Date(), { password: "tcp-rock", checkPassword: verifyPassword }),
      );
      expect([wrong.code, say(wrong.text)]).toEqual([
        "FORBIDDEN",
        `That access password is not right. ${ACCESS_PASSWORD_LIMIT.max - 1} tries left.`,
      ]);
      expect(await attemptsOf(exam.id)).toBe(0);

      const started = await startAttempt(t.db, ids.ada, exam.id, new Date(), { password: "tcp-rocks", checkPassword: verifyPassword });
      expect(started.resumed).toBe(false);
      expect(await startAttempt(t.db, ids.ada, exam.id)).toEqual({ attemptId: started.attemptId, resumed: true });
      // The right password forgot the wrong one: a fresh count of tries.
      expect(await t.db.loginThrottle.count({ where: { key: { startsWith: `quiz-password:${exam.id}` } } })).toBe(0);
    });

    it("too many wrong passwords stop the checks for that student and quiz only, until the window ends", async () => {
      const exam = await quiz({ accessPasswordHash: await hashPassword("right"), attemptsAllowed: 3 });
      const other = await quiz({ accessPasswordHash: await hashPassword("right") });
      const now = new Date();
      for (let k = 0; k < ACCESS_PASSWORD_LIMIT.max; k++) {
        await refusal(startAttempt(t.db, ids.ben, exam.id, now, { password: `guess-${k}`, checkPassword: verifyPassword }));
      }
      let checks = 0;
      const counting: PasswordCheck = (input) => {
        checks++;
        return verifyPassword(input);
      };
      const limited = await refusal(startAttempt(t.db, ids.ben, exam.id, now, { password: "right", checkPassword: counting }));
      expect([limited.code, say(limited.text)]).toEqual(["RATE_LIMITED", "Too many wrong access passwords. Try again in 15 minutes."]);
      expect(checks).toBe(0); // refused before any hashing
      // Another student at this quiz, and this student at another quiz, are not held back.
      expect((await startAttempt(t.db, ids.ada, exam.id, now, { password: "right", checkPassword: verifyPassword })).resumed).toBe(false);
      expect((await startAttempt(t.db, ids.ben, other.id, now, { password: "right", checkPassword: verifyPassword })).resumed).toBe(false);
      // After the window the right password works.
      const later = new Date(now.getTime() + ACCESS_PASSWORD_LIMIT.windowMs + 1000);
      expect((await startAttempt(t.db, ids.ben, exam.id, later, { password: "right", checkPassword: verifyPassword })).resumed).toBe(false);
    });

    it("parallel guesses get only as many checks as the limit allows", async () => {
      const exam = await quiz({ accessPasswordHash: await hashPassword("right") });
      let checks = 0;
      const counting: PasswordCheck = (input) => {
        checks++;
        return verifyPassword(input);
      };
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, k) =>
          refusal(startAttempt(t.db, ids.chen, exam.id, new Date(), { password: `g${k}`, checkPassword: counting })),
        ),
      );
      expect(checks).toBe(ACCESS_PASSWORD_LIMIT.max);
      expect(outcomes.filter((e) => e.code === "RATE_LIMITED")).toHaveLength(12 - ACCESS_PASSWORD_LIMIT.max);
      expect(await attemptsOf(exam.id)).toBe(0);
    });

    it("a check the server is too busy to run is no guess: 503, and the try is given back", async () => {
      const exam = await quiz({ accessPasswordHash: await hashPassword("right") });
      const busy: PasswordCheck = () => Promise.reject(new Error("too many hashes at once"));
      const error = await refusal(startAttempt(t.db, ids.dana, exam.id, new Date(), { password: "right", checkPassword: busy }));
      expect(error.status).toBe(503);
      const wrong = await refusal(startAttempt(t.db, ids.dana, exam.id, new Date(), { password: "nope", checkPassword: verifyPassword }));
      expect(say(wrong.text)).toBe(`That access password is not right. ${ACCESS_PASSWORD_LIMIT.max - 1} tries left.`);
    });

    it("a closed exam says it is closed before asking for a password", async () => {
      const exam = await quiz({ accessPasswordHash: await hashPassword("right"), closesAt: new Date(Date.now() - 1000) });
      expect(say((await refusal(startAttempt(t.db, ids.ada, exam.id))).text)).toBe("This quiz has closed.");
    });
  });

  describe("accommodations", () => {
    it("time and a half plus five minutes lengthens this student's deadline only", async () => {
      const exam = await quiz({ timeLimitSec: 20 * 60 });
      await t.db.quizAccommodation.create({ data: { quizId: exam.id, userId: ids.ada, timeFactor: 1.5, extraMinutes: 5 } });
      const began = new Date("2026-12-01T09:00:00.000Z");
      const ada = await startAttempt(t.db, ids.ada, exam.id, began);
      const ben = await startAttempt(t.db, ids.ben, exam.id, began);
      expect((await t.db.attempt.findUniqueOrThrow({ where: { id: ada.attemptId } })).deadlineAt).toEqual(
        new Date(began.getTime() + minutes(35)),
      );
      expect((await t.db.attempt.findUniqueOrThrow({ where: { id: ben.attemptId } })).deadlineAt).toEqual(
        new Date(began.getTime() + minutes(20)),
      );
      // Ben's time is up at 21 minutes; Ada may still save.
      const at21 = new Date(began.getTime() + minutes(21));
      await saveResponse(t.db, ids.ada, ada.attemptId, 1, { states: { client: ["CLOSED"] } }, at21);
      expect(say((await refusal(saveResponse(t.db, ids.ben, ben.attemptId, 1, { states: { client: ["CLOSED"] } }, at21))).text)).toMatch(
        /Time is up/,
      );
    });

    it("a later close lets this student start after the class's close and ends their attempt at it; the list shows their window", async () => {
      const closesAt = new Date(Date.now() - minutes(5));
      const ownClose = new Date(Date.now() + minutes(60));
      const exam = await quiz({ closesAt, timeLimitSec: 3 * 3600 });
      await t.db.quizAccommodation.create({ data: { quizId: exam.id, userId: ids.chen, closesAt: ownClose, extraMinutes: 30 } });
      expect(say((await refusal(startAttempt(t.db, ids.ben, exam.id))).text)).toBe("This quiz has closed.");
      const started = await startAttempt(t.db, ids.chen, exam.id);
      expect((await t.db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } })).deadlineAt).toEqual(ownClose);

      const [chens] = (await quizzesForStudent(t.db, courseId, ids.chen, "B")).filter((q) => q.id === exam.id);
      expect(chens).toMatchObject({ closesAt, window: { closesAt: ownClose, timeLimitSec: 3 * 3600 + 30 * 60 } });
      expect(chens.accommodation).toEqual({ timeFactor: null, extraMinutes: 30, closesAt: ownClose });
      const [bens] = (await quizzesForStudent(t.db, courseId, ids.ben, "A")).filter((q) => q.id === exam.id);
      expect(bens).toMatchObject({ accommodation: null, window: { closesAt, timeLimitSec: 3 * 3600 } });
    });
  });

  it("feedback after the close waits for the last student's own close, so no one still writing reads the answers", async () => {
    const closesAt = new Date(Date.now() - minutes(10));
    const ownClose = new Date(Date.now() + minutes(50));
    const exam = await quiz({ feedbackRelease: "AFTER_CLOSE", closesAt: new Date(Date.now() + minutes(5)) });
    const { attemptId } = await startAttempt(t.db, ids.ben, exam.id);
    await submitAttempt(t.db, ids.ben, attemptId);
    await t.db.quiz.update({ where: { id: exam.id }, data: { closesAt } });
    expect((await attemptView(t.db, ids.ben, attemptId)).release.released).toBe(true);
    await t.db.quizAccommodation.create({ data: { quizId: exam.id, userId: ids.chen, closesAt: ownClose } });
    const held = await attemptView(t.db, ids.ben, attemptId);
    expect(held.release.released).toBe(false);
    expect(held.items[0].result).toBeUndefined();
    const [listed] = (await quizzesForStudent(t.db, courseId, ids.ben, "A")).filter((q) => q.id === exam.id);
    expect(listed.feedbackCloseAt).toEqual(ownClose);
    expect((await attemptView(t.db, ids.ben, attemptId, new Date(ownClose.getTime() + 1))).release.released).toBe(true);
  });

  describe("a shuffled quiz", () => {
    it("gives each attempt its own order of the same items, positions 1..n", async () => {
      const exam = await quiz({ shuffle: true, attemptsAllowed: 10 }, 6);
      const orders = new Set<string>();
      for (let k = 0; k < 5; k++) {
        const { attemptId } = await startAttempt(t.db, ids.ada, exam.id);
        const responses = await t.db.response.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
        expect(responses.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6]);
        expect([...responses.map((r) => r.quizItemId)].sort()).toEqual(exam.items.map((i) => i.id).sort());
        orders.add(responses.map((r) => r.quizItemId).join(","));
        await submitAttempt(t.db, ids.ada, attemptId);
      }
      // Five attempts in one order by chance: 1 in 720⁴.
      expect(orders.size).toBeGreaterThan(1);
    });

    it("an unshuffled quiz keeps the items' order", async () => {
      const exam = await quiz({}, 4);
      const { attemptId } = await startAttempt(t.db, ids.ben, exam.id);
      const responses = await t.db.response.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
      expect(responses.map((r) => r.quizItemId)).toEqual(exam.items.map((i) => i.id));
    });
  });

  it("a quiz for sections A and B: both sections start it and list it; a student of no section is told it does not exist", async () => {
    const exam = await quiz({ sections: '["A","B"]' });
    expect((await startAttempt(t.db, ids.ada, exam.id)).resumed).toBe(false);
    expect((await startAttempt(t.db, ids.chen, exam.id)).resumed).toBe(false);
    expect((await refusal(startAttempt(t.db, ids.dana, exam.id))).code).toBe("NOT_FOUND");
    expect((await quizzesForStudent(t.db, courseId, ids.ada, "A")).some((q) => q.id === exam.id)).toBe(true);
    expect((await quizzesForStudent(t.db, courseId, ids.chen, "B")).some((q) => q.id === exam.id)).toBe(true);
    expect((await quizzesForStudent(t.db, courseId, ids.dana, null)).some((q) => q.id === exam.id)).toBe(false);
  });

  it("archived questions are not drawn; a fixed item of an archived question still works", async () => {
    const bank = await t.db.questionBank.create({ data: { courseId, title: "Archive test" } });
    const make = (key: string, version: number, archived: boolean) =>
      t.db.question.create({ data: { bankId: bank.id, key, version, title: key, template, tags: '["x"]', archived } });
    await make("keep-1", 1, false);
    await make("keep-2", 1, false);
    const gone1 = await make("gone", 1, true);
    const gone2 = await make("gone", 2, true);
    const drawsTwo = await t.db.quiz.create({
      data: {
        courseId,
        title: "Draw",
        mode: "EXAM",
        published: true,
        attemptsAllowed: 20,
        items: { create: { position: 1, bankId: bank.id, tag: "x", drawCount: 2 } },
      },
    });
    for (let k = 0; k < 6; k++) {
      const { attemptId } = await startAttempt(t.db, ids.ben, drawsTwo.id);
      const drawn = await t.db.response.findMany({ where: { attemptId }, include: { question: true } });
      expect(drawn.map((r) => r.question.key).sort()).toEqual(["keep-1", "keep-2"]);
      await submitAttempt(t.db, ids.ben, attemptId);
    }
    const drawsThree = await t.db.quiz.create({
      data: { courseId, title: "Draw 3", mode: "EXAM", published: true, items: { create: { position: 1, bankId: bank.id, drawCount: 3 } } },
    });
    expect(say((await refusal(startAttempt(t.db, ids.ben, drawsThree.id))).text)).toMatch(/draws more questions than its bank holds/);
    const fixed = await t.db.quiz.create({
      data: { courseId, title: "Fixed", mode: "EXAM", published: true, items: { create: { position: 1, questionId: gone1.id } } },
    });
    const { attemptId } = await startAttempt(t.db, ids.ben, fixed.id);
    const [response] = await t.db.response.findMany({ where: { attemptId } });
    expect(response.questionId).toBe(gone1.id);
    expect(response.questionId).not.toBe(gone2.id);
  });

  it("the course page's list carries the counted score by the quiz's rule", async () => {
    const byRule: Record<string, string> = {};
    for (const rule of ["HIGHEST", "LATEST", "AVERAGE"]) byRule[rule] = (await quiz({ scoreRule: rule, attemptsAllowed: 3 })).id;
    for (const quizId of Object.values(byRule)) {
      // Attempt 1 right (2 of 2), attempt 2 blank (0 of 2).
      const first = await startAttempt(t.db, ids.dana, quizId);
      await saveResponse(t.db, ids.dana, first.attemptId, 1, await expectedFor(first.attemptId));
      await submitAttempt(t.db, ids.dana, first.attemptId);
      await submitAttempt(t.db, ids.dana, (await startAttempt(t.db, ids.dana, quizId)).attemptId);
    }
    const list = await quizzesForStudent(t.db, courseId, ids.dana, null);
    const counted = (rule: string) => list.find((q) => q.id === byRule[rule])!.counted;
    expect(counted("HIGHEST")).toEqual({ rule: "HIGHEST", score: 2, maxScore: 2, numbers: [1] });
    expect(counted("LATEST")).toEqual({ rule: "LATEST", score: 0, maxScore: 2, numbers: [2] });
    expect(counted("AVERAGE")).toEqual({ rule: "AVERAGE", score: 1, maxScore: 2, numbers: [1, 2] });
    expect(list.find((q) => q.id === byRule.HIGHEST)).toMatchObject({ scoreRule: "HIGHEST", passwordRequired: false });
    expect(list.some((q) => "accessPasswordHash" in q)).toBe(false);
  });

  it("feedback released on a date: the score and review are held until then", async () => {
    const releaseAt = new Date(Date.now() + minutes(60));
    const exam = await quiz({ feedbackRelease: "ON_DATE", releaseAt });
    const { attemptId } = await startAttempt(t.db, ids.ada, exam.id);
    await saveResponse(t.db, ids.ada, attemptId, 1, await expectedFor(attemptId));
    await submitAttempt(t.db, ids.ada, attemptId);
    const before = await attemptView(t.db, ids.ada, attemptId);
    expect(before.release.released).toBe(false);
    expect(before.score).toBeNull();
    expect(before.items[0].result).toBeUndefined();
    expect(say(before.release.reason)).toMatch(/^Feedback is released on /);
    const after = await attemptView(t.db, ids.ada, attemptId, new Date(releaseAt.getTime() + 1000));
    expect(after.release.released).toBe(true);
    expect(after.score).toBe(2);
    expect(after.items[0].result?.score).toBe(2);
  });
});
