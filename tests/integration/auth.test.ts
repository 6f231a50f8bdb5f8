// Authentication against a real SQLite file and a real PostgreSQL database: the one sign-in
// limiter (per account, per address by distinct accounts, reserved before the password check),
// the HTTP endpoints better-auth exposes, field rules at every entry, invites and email
// ownership, and practice results recorded once per token.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
});
vi.mock("server-only", () => ({}));

import { APIError } from "better-auth/api";
import { createAuth } from "@/lib/auth/auth";
import { exposedOnly } from "@/lib/auth/endpoints";
import { claimInvite, createInvite, findInvite } from "@/lib/auth/invites";
import { hashPassword } from "@/lib/auth/password-hashing";
import {
  ACCOUNT_LIMIT,
  accountRetryAfter,
  ADDRESS_LIMIT,
  reserveSignIn,
  reserveSignUp,
  settleSignIn,
  SIGN_UP_LIMIT,
} from "@/lib/auth/throttle";
import { acceptStaffInvite, enrollByEmail, findStaffInvite } from "@/lib/courses/enroll";
import { BLANK, checkPractice, revealPractice } from "@/lib/practice/check";
import { TOKEN_EXPIRED as EXPIRED, TOKEN_OTHER_VIEWER as OTHER_VIEWER } from "@/lib/practice/token";
import { masteryOf } from "@/lib/practice/mastery";
import { PRACTICE_TOKEN_MINUTES, sealVariant } from "@/lib/practice/token";
import { expectedFor, instantiate, starterLibrary } from "@/lib/questions";
import { DATABASES, type TestDatabase } from "./databases";

const SECRET = process.env.AUTH_SECRET!;
const BASE = "http://localhost:3999";
const PASSWORD = "the right password";

describe.each(DATABASES)("%s", (provider, open) => {
  let t: TestDatabase;
  let auth: ReturnType<typeof createAuth>;
  let http: (request: Request) => Promise<Response>;
  beforeAll(async () => {
    t = await open();
    auth = createAuth(t.db, t.provider, { secret: SECRET, baseURL: BASE });
    http = exposedOnly(auth.handler);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    http(
      new Request(`${BASE}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, ...headers },
        body: JSON.stringify(body),
      }),
    );

  async function account(prefix: string): Promise<{ email: string; id: string; cookie: string }> {
    const email = `${prefix}-${randomUUID().slice(0, 8)}@example.edu`;
    const r = await auth.api.signUpEmail({ body: { name: prefix, email, password: PASSWORD }, asResponse: true });
    expect(r.status).toBe(200);
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { email, id: user.id, cookie: (r.headers.get("set-cookie") ?? "").split(";")[0] };
  }

  describe("the sign-in limiter", () => {
    it("per account: 10 failures a minute, then 'try again in N s'; after the window, or a success, it may go ahead", async () => {
      const attempt = { email: `victim-${provider}@example.edu`, address: "203.0.113.9" };
      const start = new Date("2026-11-24T10:00:00Z");
      for (let i = 0; i < ACCOUNT_LIMIT.max; i++) {
        expect(await accountRetryAfter(t.db, attempt.email, start)).toBe(0);
        expect(await reserveSignIn(t.db, attempt, start)).toEqual({ ok: true });
      }
      // The failure that used the last slot can say so.
      expect(await accountRetryAfter(t.db, attempt.email, new Date(start.getTime() + 15_000))).toBe(45);
      expect(await reserveSignIn(t.db, attempt, new Date(start.getTime() + 15_000))).toEqual({ ok: false, retryAfterSec: 45 });
      // From another address too: it is the account that is limited.
      expect((await reserveSignIn(t.db, { ...attempt, address: "198.51.100.1" }, start)).ok).toBe(false);
      expect(await reserveSignIn(t.db, attempt, new Date(start.getTime() + 60_000))).toEqual({ ok: true });
      await settleSignIn(t.db, attempt, true);
      expect(await t.db.loginThrottle.findUnique({ where: { key: `email:${attempt.email}` } })).toBeNull();
    });

    it("reserves before the check: 30 parallel attempts on one account get exactly 10 slots", async () => {
      const attempt = { email: `parallel-${provider}@example.edu`, address: "203.0.113.10" };
      const now = new Date("2026-02-02T10:00:00.000Z");
      const results = await Promise.all(Array.from({ length: 30 }, () => reserveSignIn(t.db, attempt, now)));
      expect(results.filter((r) => r.ok)).toHaveLength(ACCOUNT_LIMIT.max);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, retryAfterSec: 60 });
    });

    it("per address: 200 students behind one NAT address sign in, typos and all, while one guesser trying many accounts is stopped", async () => {
      const nat = "192.0.2.200";
      const now = new Date("2026-03-03T09:00:00.000Z");
      // Ten typos on made-up or mistyped emails lock nobody out.
      for (let i = 0; i < 10; i++) {
        const typo = { email: `typo-${i}@example.edu`, address: nat };
        expect((await reserveSignIn(t.db, typo, now)).ok).toBe(true);
        await settleSignIn(t.db, typo, false);
      }
      for (let i = 0; i < 200; i++) {
        const student = { email: `student-${i}@example.edu`, address: nat };
        if (i % 4 === 0) {
          // A wrong password first, then the right one.
          expect((await reserveSignIn(t.db, student, now)).ok).toBe(true);
          await settleSignIn(t.db, student, false);
        }
        expect((await reserveSignIn(t.db, student, now)).ok).toBe(true);
        await settleSignIn(t.db, student, true);
      }
      // A sprayer elsewhere: one password against many accounts.
      const sprayer = "192.0.2.66";
      let checked = 0;
      for (let i = 0; i < 200; i++) {
        const guess = { email: `target-${i}@example.edu`, address: sprayer };
        const r = await reserveSignIn(t.db, guess, now);
        if (!r.ok) {
          expect(r.retryAfterSec).toBe(ADDRESS_LIMIT.windowMs / 1000);
          continue;
        }
        checked++;
        await settleSignIn(t.db, guess, false);
      }
      expect(checked).toBe(ADDRESS_LIMIT.max);
      // The students' address is still open, and a refused sprayer attempt cost its account nothing.
      expect((await reserveSignIn(t.db, { email: "late@example.edu", address: nat }, now)).ok).toBe(true);
      expect(await t.db.loginThrottle.findUnique({ where: { key: "email:target-199@example.edu" } })).toMatchObject({ failures: 0 });
    });

    it("limits sign-ups per address", async () => {
      const now = new Date("2026-04-04T09:00:00.000Z");
      for (let i = 0; i < SIGN_UP_LIMIT.max; i++) expect((await reserveSignUp(t.db, "192.0.2.7", now)).ok).toBe(true);
      expect(await reserveSignUp(t.db, "192.0.2.7", now)).toEqual({ ok: false, retryAfterSec: SIGN_UP_LIMIT.windowMs / 1000 });
      expect((await reserveSignUp(t.db, "192.0.2.8", now)).ok).toBe(true);
      // better-auth's sign-up, however it is called, goes through it (no address known here).
      await t.db.loginThrottle.upsert({
        where: { key: "sign-up:unknown" },
        create: { key: "sign-up:unknown", failures: SIGN_UP_LIMIT.max, windowStart: new Date() },
        update: { failures: SIGN_UP_LIMIT.max, windowStart: new Date() },
      });
      const email = `limited-${provider}@example.edu`;
      const refused = await auth.api.signUpEmail({ body: { name: "Limited", email, password: PASSWORD } }).catch((e: unknown) => e);
      expect(refused).toMatchObject({
        statusCode: 429,
        message: expect.stringMatching(/^Too many sign-ups from this network\. Try again in \d+ s\.$/),
      });
      expect(await t.db.user.findUnique({ where: { email } })).toBeNull();
      await t.db.loginThrottle.delete({ where: { key: "sign-up:unknown" } });
    });
  });

  describe("better-auth's HTTP endpoints", () => {
    it("POST /sign-in/email goes through the limiter: 30 wrong passwords, then the right one is refused too", async () => {
      const { email } = await account("guessed");
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await post("/sign-in/email", { email, password: `wrong ${i}` })).status);
      expect(statuses.slice(0, ACCOUNT_LIMIT.max)).toEqual(Array(ACCOUNT_LIMIT.max).fill(401));
      expect(new Set(statuses.slice(ACCOUNT_LIMIT.max))).toEqual(new Set([429]));
      const right = await post("/sign-in/email", { email, password: PASSWORD });
      expect(right.status).toBe(429);
      expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(right.headers.get("set-cookie") ?? "").not.toMatch(/session_token/);
      expect((await right.json()).message).toMatch(/^Too many failed sign-ins\. Try again in \d+ s\.$/);
    });

    it("30 parallel guesses over HTTP check the password at most 10 times", async () => {
      const { email } = await account("parallel");
      const statuses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => post("/sign-in/email", { email, password: `wrong ${i}` }).then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(ACCOUNT_LIMIT.max);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - ACCOUNT_LIMIT.max);
      expect((await t.db.loginThrottle.findUniqueOrThrow({ where: { key: `email:${email}` } })).failures).toBe(ACCOUNT_LIMIT.max);
    });

    it("signs in, reads the session and signs out over HTTP; every endpoint the app does not use is 404", async () => {
      const { email } = await account("http");
      const signIn = await post("/sign-in/email", { email, password: PASSWORD });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
      const session = await http(new Request(`${BASE}/api/auth/get-session`, { headers: { cookie } }));
      expect((await session.json()).user.email).toBe(email);
      for (const [method, path] of [
        ["POST", "/sign-up/email"],
        ["POST", "/update-user"],
        ["POST", "/change-password"],
        ["POST", "/change-email"],
        ["POST", "/delete-user"],
        ["GET", "/list-sessions"],
        ["POST", "/revoke-sessions"],
        ["POST", "/request-password-reset"],
        ["POST", "/reset-password"],
        ["GET", "/verify-email"],
        ["POST", "/send-verification-email"],
        ["POST", "/sign-in/social"],
        ["GET", "/sign-in/email"],
        ["POST", "/sign-in/email/"],
        ["GET", "/ok"],
      ]) {
        const r = await http(
          new Request(`${BASE}/api/auth${path}`, {
            method,
            headers: { cookie, origin: BASE, "content-type": "application/json" },
            body:
              method === "POST"
                ? JSON.stringify({ name: "x".repeat(200), email: `x-${randomUUID()}@example.edu`, password: "long enough password" })
                : undefined,
          }),
        );
        expect([path, r.status]).toEqual([path, 404]);
      }
      const out = await http(new Request(`${BASE}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: BASE } }));
      expect(out.status).toBe(200);
      expect(await t.db.user.count({ where: { name: "x".repeat(200) } })).toBe(0);
    });

    it("a password longer than any allowed is refused before hashing, with a 4xx", async () => {
      const { email } = await account("long");
      const started = performance.now();
      const r = await post("/sign-in/email", { email, password: "x".repeat(1_000_000) });
      expect(r.status).toBe(400);
      expect(performance.now() - started).toBeLessThan(2000);
    });
  });

  describe("field rules at every entry", () => {
    it("sign-up refuses a name over 100 characters and a picture, however it is called", async () => {
      const email = `huge-${provider}@example.edu`;
      const err = await auth.api.signUpEmail({ body: { name: "n".repeat(5_000_000), email, password: PASSWORD } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(APIError);
      expect((err as APIError).statusCode).toBe(400);
      expect((err as APIError).message).toBe("Name: Use at most 100 characters");
      const picture = await auth.api
        .signUpEmail({ body: { name: "Pic", email, password: PASSWORD, image: "data:".padEnd(100_000, "x") } })
        .catch((e: unknown) => e);
      expect((picture as APIError).statusCode).toBe(400);
      expect(await t.db.user.findUnique({ where: { email } })).toBeNull();
      // The name is stored as the form would store it.
      await auth.api.signUpEmail({ body: { name: "  Trim Med  ", email, password: PASSWORD } });
      expect((await t.db.user.findUniqueOrThrow({ where: { email } })).name).toBe("Trim Med");
    });

    it("update-user refuses a name over 100 characters", async () => {
      const { id, cookie } = await account("renamed");
      const err = await auth.api
        .updateUser({ body: { name: "n".repeat(5_000_000) }, headers: new Headers({ cookie }) })
        .catch((e: unknown) => e);
      expect((err as APIError).statusCode).toBe(400);
      expect((await t.db.user.findUniqueOrThrow({ where: { id } })).name).toBe("renamed");
    });
  });

  describe("invites and email ownership", () => {
    async function courseWithInstructor() {
      const instructor = await t.db.user.create({
        data: { id: randomUUID(), email: `prof-${randomUUID()}@example.edu`, name: "Prof", emailVerified: true, canTeach: true },
      });
      const course = await t.db.course.create({
        data: { code: "NET 2", title: "Nets", joinCode: randomUUID().slice(0, 8).toUpperCase(), createdById: instructor.id },
      });
      await t.db.enrollment.create({ data: { courseId: course.id, userId: instructor.id, role: "INSTRUCTOR" } });
      return { instructor, course };
    }

    it("an account that signed up with an address before the instructor enrolled it as TA is offered the role, granted only when that account opens the link", async () => {
      const { instructor, course } = await courseWithInstructor();
      const squatter = await account("new-ta");
      const verified = await t.db.user.create({
        data: { id: randomUUID(), email: `ta-${randomUUID()}@example.edu`, name: "Verified TA", emailVerified: true },
      });
      const result = await enrollByEmail(t.db, course.id, instructor.id, [squatter.email, verified.email], "TA", null);
      expect(result).toMatchObject({ added: 1, invited: 0, alreadyEnrolled: 0 });
      expect(result.offered.map((o) => o.email)).toEqual([squatter.email]);
      // No role until the link is opened.
      expect(await t.db.enrollment.findUnique({ where: { courseId_userId: { courseId: course.id, userId: squatter.id } } })).toBeNull();
      expect(
        (await t.db.enrollment.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: verified.id } } })).role,
      ).toBe("TA");
      const token = result.offered[0].token;
      expect(await findStaffInvite(t.db, token)).toMatchObject({ userId: squatter.id, role: "TA" });
      // Someone else signed in with the link gets nothing.
      expect(await acceptStaffInvite(t.db, token, verified.id)).toEqual({ ok: false, reason: "other-account" });
      expect(await acceptStaffInvite(t.db, token, squatter.id)).toEqual({ ok: true, courseId: course.id });
      expect(
        (await t.db.enrollment.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: squatter.id } } })).role,
      ).toBe("TA");
      expect((await t.db.user.findUniqueOrThrow({ where: { id: squatter.id } })).emailVerified).toBe(true);
      expect(await acceptStaffInvite(t.db, token, squatter.id)).toEqual({ ok: false, reason: "gone" });
      expect(await t.db.auditLog.count({ where: { action: "enrollment.staff-invite-accepted", target: squatter.id } })).toBe(1);
    });

    it("students are enrolled at once, verified or not; a staff offer expires", async () => {
      const { instructor, course } = await courseWithInstructor();
      const student = await account("plain-student");
      expect(await enrollByEmail(t.db, course.id, instructor.id, [student.email], "STUDENT", "A")).toEqual({
        added: 1,
        invited: 0,
        alreadyEnrolled: 0,
        offered: [],
      });
      const other = await account("late-ta");
      const { offered } = await enrollByEmail(t.db, course.id, instructor.id, [other.email], "INSTRUCTOR", null);
      expect(await acceptStaffInvite(t.db, offered[0].token, other.id, new Date(Date.now() + 31 * 86_400_000))).toEqual({
        ok: false,
        reason: "gone",
      });
    });

    it("two claims of one invite at once: one wins, the other is told the link was used (no error)", async () => {
      const { instructor, course } = await courseWithInstructor();
      const email = `invitee-${randomUUID().slice(0, 8)}@example.edu`;
      await enrollByEmail(t.db, course.id, instructor.id, [email], "STUDENT", null);
      const user = await t.db.user.findUniqueOrThrow({ where: { email } });
      const token = await createInvite(t.db, user.id);
      const invite = (await findInvite(t.db, token))!;
      const hash = await hashPassword(PASSWORD);
      const outcomes = await Promise.all([claimInvite(t.db, invite, "First", hash), claimInvite(t.db, invite, "Second", hash)]);
      expect(outcomes.sort()).toEqual([false, true]);
      expect(await t.db.account.count({ where: { userId: user.id } })).toBe(1);
      expect(await findInvite(t.db, token)).toBeNull();
      const claimed = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(claimed).toMatchObject({ invited: false, emailVerified: true });
      // The claimed account signs in with its password.
      expect((await post("/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
    });
  });

  describe("practice tokens", () => {
    const template = starterLibrary.find((q) => q.id === "handshake-states")!;
    const perfect = () => expectedFor(instantiate(template, 7));

    it("a token replayed five times records one result", async () => {
      const { id } = await account("replayer");
      const token = sealVariant({ templateId: template.id, seed: 7 }, id, SECRET);
      const saved: boolean[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await checkPractice(t.db, id, token, perfect());
        expect(r.ok && r.result.score === r.result.maxScore).toBe(true);
        saved.push(r.ok && r.saved);
      }
      expect(saved).toEqual([true, false, false, false, false]);
      expect(await t.db.practiceResult.count({ where: { userId: id } })).toBe(1);
      expect((await masteryOf(t.db, id))[0]).toMatchObject({ family: template.family, attempts: 1 });
    });

    it("a token is good only for the viewer it was shown to, and only for its lifetime", async () => {
      const owner = await account("owner");
      const thief = await account("thief");
      const mine = sealVariant({ templateId: template.id, seed: 7 }, owner.id, SECRET);
      expect(await checkPractice(t.db, thief.id, mine, perfect())).toEqual({ ok: false, message: OTHER_VIEWER });
      expect(await checkPractice(t.db, null, mine, perfect())).toEqual({ ok: false, message: OTHER_VIEWER });
      const anonymous = sealVariant({ templateId: template.id, seed: 7 }, null, SECRET);
      expect(await checkPractice(t.db, thief.id, anonymous, perfect())).toEqual({ ok: false, message: OTHER_VIEWER });
      expect(await checkPractice(t.db, null, anonymous, perfect())).toMatchObject({ ok: true, saved: false });
      const later = new Date(Date.now() + PRACTICE_TOKEN_MINUTES * 60_000 + 1000);
      expect(await checkPractice(t.db, owner.id, mine, perfect(), later)).toEqual({ ok: false, message: EXPIRED });
      expect(await t.db.practiceResult.count({ where: { userId: { in: [owner.id, thief.id] } } })).toBe(0);
    });

    it("a blank or unreadable answer costs nothing and reveals nothing", async () => {
      const { id } = await account("blank");
      const token = sealVariant({ templateId: template.id, seed: 7 }, id, SECRET);
      const blanks = [
        {},
        { states: {} },
        { states: { client: [], server: [] } },
        { states: { client: ["", ""], server: [""] } },
        { other: 1 },
      ];
      for (const answer of blanks) {
        const r = await checkPractice(t.db, id, token, answer);
        expect(r).toEqual({ ok: false, message: BLANK });
      }
      const unreadable = await checkPractice(t.db, id, token, { states: { client: "LISTEN" } });
      expect(unreadable.ok).toBe(false);
      // What is wrong with it, and nothing of the answer (no expected answer, no timeline).
      expect(Object.keys(unreadable).sort()).toEqual(["message", "ok", "problems"]);
      expect(await t.db.practiceResult.count({ where: { userId: id } })).toBe(0);
      // The token is still good for a real answer.
      expect(await checkPractice(t.db, id, token, perfect())).toMatchObject({ ok: true, saved: true });
    });

    it("showing the answer is explicit, and mastery counts it as shown, not as tried", async () => {
      const { id } = await account("revealer");
      const token = sealVariant({ templateId: template.id, seed: 7 }, id, SECRET);
      const shown = await revealPractice(t.db, id, token);
      expect(shown).toMatchObject({ ok: true, saved: true, result: { score: 0, valid: true } });
      expect(shown.ok && shown.expected).toEqual(perfect());
      expect((await masteryOf(t.db, id))[0]).toMatchObject({ family: template.family, attempts: 0, revealed: 1 });
      // Checking an answer after seeing it records nothing more.
      expect(await checkPractice(t.db, id, token, perfect())).toMatchObject({ ok: true, saved: false });
      expect(await t.db.practiceResult.count({ where: { userId: id } })).toBe(1);
    });
  });
});
