// The data layer against a real SQLite file and a real PostgreSQL database: migrations,
// seeding, enrolment, and accounts through better-auth (the sign-in limits: auth.test.ts).
import { APIError } from "better-auth/api";
import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/auth/auth";
import { SESSION_EXPIRES_SEC, SESSION_UPDATE_AGE_SEC } from "@/lib/auth/constants";
import { dueForRefresh, sessionFromCookie } from "@/lib/auth/session-cookie";
import { createInvite, findInvite } from "@/lib/auth/invites";
import { migrate, migrationsFor } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE, DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/seed-data";
import { DATABASES, type TestDatabase } from "./databases";

describe.each(DATABASES)("%s", (provider, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("applies every migration to an empty database, and nothing the second time", async () => {
    const all = migrationsFor(t.url).map((m) => m.name);
    expect(all.length).toBeGreaterThan(0);
    expect(await migrate(t.url)).toEqual([]);
    // The tables exist and are empty.
    expect(await t.db.user.count()).toBe(0);
    expect(await t.db.course.count()).toBe(0);
  });

  it("seeds the demo course once; seeding twice changes nothing", async () => {
    expect(await seedDemo(t.db)).toBe(true);
    const counts = async () => [await t.db.user.count(), await t.db.course.count(), await t.db.enrollment.count(), await t.db.quiz.count()];
    const first = await counts();
    expect(first).toEqual([DEMO_USERS.length, 1, DEMO_USERS.filter((u) => u.role).length, 2]);
    expect(await seedDemo(t.db)).toBe(false);
    expect(await counts()).toEqual(first);
    const account = await t.db.account.findFirst({ where: { user: { email: "ada@synack.test" } } });
    expect(await verifyPassword({ hash: account!.password!, password: DEMO_PASSWORD })).toBe(true);
    const exam = await t.db.quiz.findFirst({ where: { mode: "EXAM" } });
    expect(exam).toMatchObject({ timeLimitSec: 20 * 60, attemptsAllowed: 1, feedbackRelease: "AFTER_CLOSE" });
  });

  it("recognises the demo course after an instructor replaces its join code: a restart seeds nothing again", async () => {
    const course = await t.db.course.findFirstOrThrow({ where: { code: "NET 101" } });
    await t.db.course.update({ where: { id: course.id }, data: { joinCode: "NEWCODE1" } });
    // What `npm start` runs on every start.
    expect(await seedDemo(t.db)).toBe(false);
    expect(await t.db.course.count({ where: { code: "NET 101" } })).toBe(1);
    const { syncStarterLibrary } = await import("@/lib/demo/starter-library");
    const { fillDemoQuizzes } = await import("@/lib/demo/demo-quizzes");
    expect(await syncStarterLibrary(t.db)).toBeGreaterThan(0);
    expect(await fillDemoQuizzes(t.db)).toBe(true);
    // The library and the quizzes went to the one demo course, under its new code.
    expect(await t.db.questionBank.count()).toBe(1);
    expect(await t.db.quizItem.count({ where: { quiz: { courseId: course.id } } })).toBeGreaterThan(0);
    await t.db.course.update({ where: { id: course.id }, data: { joinCode: course.joinCode } });
    await t.db.question.deleteMany({});
    await t.db.quizItem.deleteMany({});
  });

  it("loads the starter library into the demo bank once, and versions a changed template", async () => {
    const { syncStarterLibrary } = await import("@/lib/demo/starter-library");
    const { starterLibrary } = await import("@/lib/questions");
    expect(await syncStarterLibrary(t.db)).toBe(starterLibrary.length);
    expect(await syncStarterLibrary(t.db)).toBe(0);
    const stored = await t.db.question.findFirstOrThrow({ where: { key: "handshake-states" } });
    expect(JSON.parse(stored.template)).toEqual(starterLibrary.find((q) => q.id === "handshake-states"));
    // An edited template becomes version 2; version 1 stays for the attempts that used it.
    await t.db.question.update({
      where: { id: stored.id },
      data: { template: JSON.stringify({ ...JSON.parse(stored.template), title: "old title" }) },
    });
    expect(await syncStarterLibrary(t.db)).toBe(1);
    expect(await t.db.question.count({ where: { key: "handshake-states" } })).toBe(2);
  });

  it("enrols by email: existing people at once, new people as invited accounts with a one-time link", async () => {
    const { enrollByEmail, joinByCode } = await import("@/lib/courses/enroll");
    const course = await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } });
    const instructor = await t.db.user.findUniqueOrThrow({ where: { email: "instructor@synack.test" } });
    const result = await enrollByEmail(
      t.db,
      course.id,
      instructor.id,
      ["ada@synack.test", "newbie@example.edu", "admin@synack.test"],
      "STUDENT",
      "C",
    );
    // Each person counts once: admin enrolled, newbie invited (and enrolled), ada already there.
    expect(result).toEqual({ added: 1, invited: 1, alreadyEnrolled: 1, offered: [] });
    const newbie = await t.db.user.findUniqueOrThrow({ where: { email: "newbie@example.edu" } });
    expect(newbie.invited).toBe(true);
    const token = await createInvite(t.db, newbie.id);
    expect(await findInvite(t.db, token)).toMatchObject({ userId: newbie.id, email: "newbie@example.edu" });
    expect(await findInvite(t.db, token, new Date(Date.now() + 31 * 86_400_000))).toBeNull();
    expect(await findInvite(t.db, "not-a-token")).toBeNull();

    const stranger = await t.db.user.create({
      data: { id: `u-${provider}-joiner`, email: `joiner-${provider}@example.edu`, name: "Joiner" },
    });
    expect(await joinByCode(t.db, stranger.id, DEMO_JOIN_CODE)).toEqual({ courseId: course.id, already: false });
    expect(await joinByCode(t.db, stranger.id, DEMO_JOIN_CODE)).toEqual({ courseId: course.id, already: true });
    expect(await joinByCode(t.db, stranger.id, "NOSUCHCODE")).toBeNull();
    const enrollment = await t.db.enrollment.findUniqueOrThrow({
      where: { courseId_userId: { courseId: course.id, userId: stranger.id } },
    });
    expect(enrollment.role).toBe("STUDENT");
  });

  it("signs up, signs in with the right password only, reads the session, and signs out", async () => {
    const auth = createAuth(t.db, t.provider, { secret: "integration-test-secret-0123456789abcdef", baseURL: "http://localhost:3999" });
    const email = `student-${provider}@example.edu`;
    const signUp = await auth.api.signUpEmail({ body: { name: "Stu Dent", email, password: "a good password" }, asResponse: true });
    expect(signUp.status).toBe(200);
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ isAdmin: false, canTeach: false, invited: false });
    expect(await t.db.enrollment.count({ where: { userId: user.id } })).toBe(0);
    const hash = (await t.db.account.findFirstOrThrow({ where: { userId: user.id } })).password!;
    expect(hash).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // scrypt salt:hash, never the password
    expect(hash).not.toContain("a good password");

    await expect(auth.api.signUpEmail({ body: { name: "Again", email, password: "another password" } })).rejects.toThrow(APIError);

    const wrong = await auth.api.signInEmail({ body: { email, password: "wrong password" }, asResponse: true });
    expect(wrong.status).toBe(401);

    const right = await auth.api.signInEmail({ body: { email, password: "a good password" }, asResponse: true });
    expect(right.status).toBe(200);
    const cookie = right.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/better-auth\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const headers = new Headers({ cookie: cookie.split(";")[0] });
    const session = await auth.api.getSession({ headers });
    expect(session?.user.email).toBe(email);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(2); // sign-up signed in too

    // The one-statement cookie reader of routes, pages and actions agrees with better-auth on every case.
    const secret = "integration-test-secret-0123456789abcdef";
    const cookieHeader = cookie.split(";")[0];
    const read = await sessionFromCookie(t.db, cookieHeader, secret);
    const u = session!.user as NonNullable<typeof session>["user"] & { isAdmin: boolean; canTeach: boolean; locale?: string | null };
    expect(read).toEqual({
      user: { id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin, canTeach: u.canTeach, locale: u.locale ?? null },
      expiresAt: session!.session.expiresAt,
    });
    // No language saved at sign-up: the reader's cookie or browser decides until they choose one.
    expect(read!.user).toEqual({ id: user.id, name: "Stu Dent", email, isAdmin: false, canTeach: false, locale: null });
    const sessionUserFromCookie = async (header: string | null, key: string) => (await sessionFromCookie(t.db, header, key))?.user ?? null;
    const forged = cookieHeader.replace(/session_token=([^.]+)/, "session_token=$1x");
    expect(await auth.api.getSession({ headers: new Headers({ cookie: forged }) })).toBeNull();
    expect(await sessionUserFromCookie(forged, secret)).toBeNull();
    expect(await sessionUserFromCookie(cookieHeader, "another-secret-0123456789abcdefghijkl")).toBeNull();
    expect(await sessionUserFromCookie("other=1", secret)).toBeNull();

    await auth.api.signOut({ headers });
    expect(await auth.api.getSession({ headers })).toBeNull();
    expect(await sessionUserFromCookie(cookieHeader, secret)).toBeNull();

    // An expired session is no session.
    const again = await auth.api.signInEmail({ body: { email, password: "a good password" }, asResponse: true });
    const expiredHeaders = new Headers({ cookie: (again.headers.get("set-cookie") ?? "").split(";")[0] });
    expect(await sessionUserFromCookie(expiredHeaders.get("cookie"), "integration-test-secret-0123456789abcdef")).not.toBeNull();
    await t.db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await auth.api.getSession({ headers: expiredHeaders })).toBeNull();
    expect(await sessionUserFromCookie(expiredHeaders.get("cookie"), "integration-test-secret-0123456789abcdef")).toBeNull();
  });

  it("pages hand a session to better-auth exactly when better-auth would extend it (sessions slide while used)", async () => {
    const secret = "integration-test-secret-0123456789abcdef";
    const auth = createAuth(t.db, t.provider, { secret, baseURL: "http://localhost:3999" });
    const email = `sliding-${provider}@example.edu`;
    const signUp = await auth.api.signUpEmail({ body: { name: "Slide", email, password: "a good password" }, asResponse: true });
    const cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0];
    const headers = new Headers({ cookie });
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    const stored = async () => (await t.db.session.findFirstOrThrow({ where: { userId: user.id } })).expiresAt;
    const lifetime = SESSION_EXPIRES_SEC * 1000;
    const dayOld = lifetime - SESSION_UPDATE_AGE_SEC * 1000; // time left when a session turns a day old

    for (const [ageBeyondADaySec, due] of [
      [-60, false], // 23:59 old: neither extends it
      [60, true], // 24:01 old: both do
    ] as const) {
      const expiresAt = new Date(Date.now() + dayOld - ageBeyondADaySec * 1000);
      await t.db.session.updateMany({ where: { userId: user.id }, data: { expiresAt } });
      const read = await sessionFromCookie(t.db, cookie, secret);
      expect(read!.expiresAt.getTime()).toBe(expiresAt.getTime());
      expect(dueForRefresh(read!.expiresAt)).toBe(due);
      expect((await auth.api.getSession({ headers }))?.user.email).toBe(email);
      const after = await stored();
      if (due) {
        expect(after.getTime()).toBeGreaterThan(Date.now() + lifetime - 60_000);
        expect(dueForRefresh(after)).toBe(false);
      } else {
        expect(after.getTime()).toBe(expiresAt.getTime());
      }
    }
  });
});
