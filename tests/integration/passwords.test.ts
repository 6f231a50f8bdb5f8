// Passwords and the roster's edits against a real SQLite file and a real PostgreSQL database:
// reset links (who may make one for whom, used once, expiring, a newer one replacing the older,
// every session ended, the audit log), the password change under the sign-in limiter, the reset
// mail through a real SMTP conversation, and removing people or changing their roles (attempts
// kept, a course always keeps an instructor).
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
});
vi.mock("server-only", () => ({}));

import { APIError } from "better-auth/api";
import { createAuth } from "@/lib/auth/auth";
import { RESET_LINK_HOURS } from "@/lib/auth/constants";
import { findResetLink, makeResetLink } from "@/lib/auth/password-reset";
import { RESET_MAIL_LIMIT } from "@/lib/auth/throttle";
import { changeRole, removeMember } from "@/lib/courses/roster-edits";
import { smtpMailer } from "@/lib/mail/mailer";
import { requestResetMail } from "@/lib/mail/reset-mail";
import { AppError } from "@/lib/server/errors";
import { DATABASES, type TestDatabase } from "./databases";

const SECRET = process.env.AUTH_SECRET!;
const BASE = "http://localhost:3999";
const PASSWORD = "the first password";
const NEW_PASSWORD = "a brand new password";

/** A mail server that speaks just enough SMTP to take mail, and keeps what it was given. */
function tinySmtp(): Promise<{ server: Server; port: number; mails: string[] }> {
  const mails: string[] = [];
  const server = createServer((socket) => {
    let data: string | null = null;
    let buffer = "";
    socket.write("220 tiny ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === ".") {
            mails.push(data);
            data = null;
            socket.write("250 queued\r\n");
          } else data += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 tiny\r\n");
        else if (/^DATA/i.test(line)) {
          data = "";
          socket.write("354 go on\r\n");
        } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port, mails })),
  );
}

describe.each(DATABASES)("%s", (provider, open) => {
  let t: TestDatabase;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    t = await open();
    auth = createAuth(t.db, t.provider, { secret: SECRET, baseURL: BASE });
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function account(prefix: string, flags: { isAdmin?: boolean; canTeach?: boolean } = {}) {
    const email = `${prefix}-${randomUUID().slice(0, 8)}@example.edu`;
    const r = await auth.api.signUpEmail({ body: { name: prefix, email, password: PASSWORD }, asResponse: true });
    expect(r.status).toBe(200);
    const user = await t.db.user.update({ where: { email }, data: { emailVerified: true, ...flags } });
    return { email, id: user.id, isAdmin: user.isAdmin, cookie: (r.headers.get("set-cookie") ?? "").split(";")[0] };
  }

  async function course(instructorId: string) {
    return t.db.course.create({
      data: { code: "NET 101", title: "Networks", joinCode: randomUUID().slice(0, 8), createdById: instructorId },
    });
  }

  const enrol = (courseId: string, userId: string, role: string) =>
    t.db.enrollment.create({ data: { courseId, userId, role }, select: { id: true } });

  async function refusal(promise: Promise<unknown>): Promise<{ code: string; key: string }> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, key: (error as AppError).message };
  }

  async function signIn(email: string, password: string): Promise<number> {
    const r = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
    return r.status;
  }

  describe("reset links", () => {
    it("an instructor makes one for a student of the course; it sets a new password once, ends every session, and is recorded", async () => {
      const teacher = await account("teacher");
      const student = await account("student");
      const c = await course(teacher.id);
      await enrol(c.id, teacher.id, "INSTRUCTOR");
      await enrol(c.id, student.id, "STUDENT");
      const now = new Date();
      const link = await makeResetLink(t.db, teacher, student.id, c.id, now);
      expect(link.email).toBe(student.email);
      expect(link.expiresAt.getTime() - now.getTime()).toBe(RESET_LINK_HOURS * 3_600_000);
      expect(await findResetLink(t.db, link.token)).toMatchObject({ userId: student.id, email: student.email });

      expect(await t.db.session.count({ where: { userId: student.id } })).toBe(1);
      await auth.api.resetPassword({ body: { token: link.token, newPassword: NEW_PASSWORD } });
      expect(await t.db.session.count({ where: { userId: student.id } })).toBe(0);
      expect(await signIn(student.email, PASSWORD)).toBe(401);
      expect(await signIn(student.email, NEW_PASSWORD)).toBe(200);

      // Used once: the link is gone, and using it again is refused.
      expect(await findResetLink(t.db, link.token)).toBeNull();
      const again = await auth.api
        .resetPassword({ body: { token: link.token, newPassword: "yet another password" } })
        .catch((e: unknown) => e);
      expect(again).toBeInstanceOf(APIError);
      expect((again as APIError).body?.code).toBe("INVALID_TOKEN");
      expect(await signIn(student.email, NEW_PASSWORD)).toBe(200);

      const audit = await t.db.auditLog.findMany({ where: { target: student.id }, orderBy: { at: "asc" } });
      expect(audit.map((a) => [a.action, a.actorId])).toEqual([
        ["auth.reset-link", teacher.id],
        ["auth.password-reset", student.id],
      ]);
      expect(audit[0].courseId).toBe(c.id);
    });

    it("expires after its hours, and a newer link replaces the older", async () => {
      const admin = await account("admin", { isAdmin: true });
      const person = await account("person");
      const made = new Date(Date.now() - (RESET_LINK_HOURS * 3_600_000 + 60_000));
      const old = await makeResetLink(t.db, admin, person.id, null, made);
      expect(await findResetLink(t.db, old.token)).toBeNull();
      const expired = await auth.api.resetPassword({ body: { token: old.token, newPassword: NEW_PASSWORD } }).catch((e: unknown) => e);
      expect((expired as APIError).body?.code).toBe("INVALID_TOKEN");

      const first = await makeResetLink(t.db, admin, person.id, null);
      const second = await makeResetLink(t.db, admin, person.id, null);
      expect(await findResetLink(t.db, first.token)).toBeNull();
      expect(await findResetLink(t.db, second.token)).not.toBeNull();
      expect(await signIn(person.email, PASSWORD)).toBe(200);
    });

    it("an unknown token spends the address's sign-in budget", async () => {
      const before = await t.db.loginThrottle.findUnique({ where: { key: "ip:unknown" } });
      const refused = await auth.api
        .resetPassword({ body: { token: "not-a-token-at-all", newPassword: NEW_PASSWORD } })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(APIError);
      const after = await t.db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:unknown" } });
      expect(after.failures).toBe((before?.failures ?? 0) + 1);
    });

    it("instructors make them only for students who hold nothing more; admins for anyone but themselves; nobody for an invited account", async () => {
      const teacher = await account("teacher");
      const c = await course(teacher.id);
      await enrol(c.id, teacher.id, "INSTRUCTOR");
      const ta = await account("ta");
      await enrol(c.id, ta.id, "TA");
      const teachingStudent = await account("teaching", { canTeach: true });
      await enrol(c.id, teachingStudent.id, "STUDENT");
      const staffElsewhere = await account("elsewhere");
      await enrol(c.id, staffElsewhere.id, "STUDENT");
      await enrol((await course(staffElsewhere.id)).id, staffElsewhere.id, "INSTRUCTOR");
      const outsider = await account("outsider");
      const invited = await t.db.user.create({
        data: { id: randomUUID(), email: `inv-${randomUUID().slice(0, 8)}@example.edu`, name: "Inv", invited: true },
      });
      await enrol(c.id, invited.id, "STUDENT");

      expect(await refusal(makeResetLink(t.db, teacher, ta.id, c.id))).toEqual({ code: "FORBIDDEN", key: "auth.reset.refused.notStudent" });
      expect(await refusal(makeResetLink(t.db, teacher, teachingStudent.id, c.id))).toEqual({
        code: "FORBIDDEN",
        key: "auth.reset.refused.adminOnly",
      });
      expect(await refusal(makeResetLink(t.db, teacher, staffElsewhere.id, c.id))).toEqual({
        code: "FORBIDDEN",
        key: "auth.reset.refused.adminOnly",
      });
      expect(await refusal(makeResetLink(t.db, teacher, outsider.id, c.id))).toEqual({
        code: "NOT_FOUND",
        key: "auth.reset.refused.noAccount",
      });
      expect(await refusal(makeResetLink(t.db, teacher, outsider.id, null))).toEqual({
        code: "FORBIDDEN",
        key: "auth.reset.refused.notStudent",
      });
      expect(await refusal(makeResetLink(t.db, teacher, invited.id, c.id))).toEqual({
        code: "FORBIDDEN",
        key: "auth.reset.refused.invited",
      });
      expect(await t.db.verification.count({ where: { value: { in: [ta.id, teachingStudent.id, staffElsewhere.id, outsider.id] } } })).toBe(
        0,
      );

      const admin = await account("admin", { isAdmin: true });
      expect((await makeResetLink(t.db, admin, ta.id, null)).email).toBe(ta.email);
      expect((await makeResetLink(t.db, admin, staffElsewhere.id, null)).email).toBe(staffElsewhere.email);
      expect(await refusal(makeResetLink(t.db, admin, admin.id, null))).toEqual({ code: "FORBIDDEN", key: "auth.reset.refused.self" });
    });
  });

  describe("changing a password", () => {
    it("needs the current one, counted as a failed sign-in when wrong; other sessions end when asked", async () => {
      const person = await account("changer");
      const other = await auth.api.signInEmail({ body: { email: person.email, password: PASSWORD }, asResponse: true });
      expect(other.status).toBe(200);
      expect(await t.db.session.count({ where: { userId: person.id } })).toBe(2);
      const headers = new Headers({ cookie: person.cookie });

      const wrong = await auth.api
        .changePassword({ body: { currentPassword: "not it at all", newPassword: NEW_PASSWORD }, headers })
        .catch((e: unknown) => e);
      expect((wrong as APIError).body?.code).toBe("INVALID_PASSWORD");
      expect((await t.db.loginThrottle.findUniqueOrThrow({ where: { key: `email:${person.email}` } })).failures).toBe(1);

      // As the Account page does it: the change, then the other sessions end; the one that asked goes on.
      await auth.api.changePassword({ body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, headers });
      expect(await t.db.session.count({ where: { userId: person.id } })).toBe(2);
      await auth.api.revokeOtherSessions({ headers });
      const token = decodeURIComponent(person.cookie.split("=")[1]).split(".")[0];
      expect(await t.db.session.findMany({ where: { userId: person.id }, select: { token: true } })).toEqual([{ token }]);
      expect(await signIn(person.email, NEW_PASSWORD)).toBe(200);
      expect(await t.db.loginThrottle.findUnique({ where: { key: `email:${person.email}` } })).toBeNull();
      expect(await t.db.auditLog.count({ where: { target: person.id, action: "auth.password-changed" } })).toBe(1);
    });

    it("is refused once the account's sign-in limit is spent", async () => {
      const person = await account("limited");
      await t.db.loginThrottle.create({ data: { key: `email:${person.email}`, failures: 10, windowStart: new Date() } });
      const hashOf = async () => (await t.db.account.findFirstOrThrow({ where: { userId: person.id, providerId: "credential" } })).password;
      const before = await hashOf();
      const refused = await auth.api
        .changePassword({ body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, headers: new Headers({ cookie: person.cookie }) })
        .catch((e: unknown) => e);
      expect((refused as APIError).statusCode).toBe(429);
      expect(await hashOf()).toBe(before);
    });
  });

  describe("the reset mail", () => {
    it("mails a one-time link to an account's address, sends nothing for an unknown one, and is limited per address", async () => {
      const smtp = await tinySmtp();
      try {
        const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, "SynAck Lab <no-reply@example.edu>");
        const person = await account("forgetful");
        const ask = (email: string) => requestResetMail(t.db, mailer, { email, address: "198.51.100.7", locale: "en", baseUrl: BASE });

        const sent = await ask(person.email);
        expect(sent.ok).toBe(true);
        if (sent.ok) await sent.sending;
        expect(smtp.mails).toHaveLength(1);
        expect(smtp.mails[0]).toContain(`To: ${person.email}`);
        expect(smtp.mails[0]).toContain("Subject: Reset your SynAck Lab password");
        const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(smtp.mails[0].replace(/=\n/g, ""))?.[1];
        expect(token).toBeTruthy();
        expect(await findResetLink(t.db, token!)).toMatchObject({ userId: person.id });
        await auth.api.resetPassword({ body: { token: token!, newPassword: NEW_PASSWORD } });
        expect(await signIn(person.email, NEW_PASSWORD)).toBe(200);

        const nobody = await ask(`nobody-${provider}@example.edu`);
        expect(nobody.ok).toBe(true);
        if (nobody.ok) await nobody.sending;
        expect(smtp.mails).toHaveLength(1);

        for (let i = 1; i < RESET_MAIL_LIMIT.max; i++) {
          const more = await ask(person.email);
          expect(more.ok).toBe(true);
          if (more.ok) await more.sending;
        }
        expect(smtp.mails).toHaveLength(RESET_MAIL_LIMIT.max);
        expect(await ask(person.email)).toMatchObject({ ok: false });
      } finally {
        smtp.server.close();
      }
    });
  });

  describe("roster edits", () => {
    it("removing a student keeps their attempts: enrolled again, they are back", async () => {
      const teacher = await account("teacher");
      const student = await account("student");
      const c = await course(teacher.id);
      await enrol(c.id, teacher.id, "INSTRUCTOR");
      const e = await enrol(c.id, student.id, "STUDENT");
      const quiz = await t.db.quiz.create({ data: { courseId: c.id, title: "Handshakes", mode: "PRACTICE", published: true } });
      await t.db.attempt.create({ data: { quizId: quiz.id, userId: student.id, number: 1, status: "SUBMITTED", score: 3, maxScore: 4 } });

      await removeMember(t.db, c.id, teacher.id, e.id);
      expect(await t.db.enrollment.count({ where: { courseId: c.id, userId: student.id } })).toBe(0);
      expect(await t.db.attempt.count({ where: { quizId: quiz.id, userId: student.id } })).toBe(1);
      const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "enrollment.remove", target: student.id } });
      expect(audit).toMatchObject({ actorId: teacher.id, courseId: c.id });
      expect(await refusal(removeMember(t.db, c.id, teacher.id, e.id))).toEqual({ code: "NOT_FOUND", key: "rosterImport.edit.notFound" });

      await enrol(c.id, student.id, "STUDENT");
      expect(await t.db.attempt.findFirst({ where: { quizId: quiz.id, userId: student.id }, select: { score: true } })).toEqual({
        score: 3,
      });
    });

    it("changes roles; nobody changes or removes themselves, the course keeps an instructor, and staff need a proven email", async () => {
      const first = await account("first");
      const second = await account("second");
      const c = await course(first.id);
      const firstE = await enrol(c.id, first.id, "INSTRUCTOR");
      const secondE = await enrol(c.id, second.id, "STUDENT");
      const admin = await account("admin", { isAdmin: true });

      expect(await refusal(changeRole(t.db, c.id, first.id, firstE.id, "TA"))).toEqual({
        code: "CONFLICT",
        key: "roster.person.role.self",
      });
      expect(await refusal(removeMember(t.db, c.id, first.id, firstE.id))).toEqual({ code: "CONFLICT", key: "roster.person.remove.self" });
      // A site admin acts as an instructor, but the course still keeps one of its own.
      expect(await refusal(removeMember(t.db, c.id, admin.id, firstE.id))).toEqual({
        code: "CONFLICT",
        key: "roster.person.remove.lastInstructor",
      });
      expect(await refusal(changeRole(t.db, c.id, admin.id, firstE.id, "STUDENT"))).toEqual({
        code: "CONFLICT",
        key: "roster.person.role.lastInstructor",
      });
      expect(await t.db.enrollment.findUniqueOrThrow({ where: { id: firstE.id } })).toMatchObject({ role: "INSTRUCTOR" });

      await t.db.user.update({ where: { id: second.id }, data: { emailVerified: false } });
      expect(await refusal(changeRole(t.db, c.id, first.id, secondE.id, "TA"))).toEqual({
        code: "CONFLICT",
        key: "roster.person.role.unproven",
      });
      await t.db.user.update({ where: { id: second.id }, data: { emailVerified: true } });
      expect(await changeRole(t.db, c.id, first.id, secondE.id, "INSTRUCTOR")).toEqual({ name: "second" });
      expect(await refusal(changeRole(t.db, c.id, first.id, secondE.id, "INSTRUCTOR"))).toEqual({
        code: "CONFLICT",
        key: "roster.person.role.same",
      });
      // With two instructors, one may step the other down.
      await changeRole(t.db, c.id, second.id, firstE.id, "TA");
      expect(await t.db.enrollment.findUniqueOrThrow({ where: { id: firstE.id } })).toMatchObject({ role: "TA" });
      const audit = await t.db.auditLog.findMany({ where: { courseId: c.id, action: "enrollment.role" }, orderBy: { at: "asc" } });
      expect(audit.map((a) => JSON.parse(a.detail!))).toEqual([
        { from: "STUDENT", to: "INSTRUCTOR" },
        { from: "INSTRUCTOR", to: "TA" },
      ]);
    });
  });
});
