// The roster import on a real SQLite file and a real PostgreSQL database: what the preview
// shows is what the apply writes (invited accounts with their invite, enrolments, section and
// identifier changes, an audit entry); a course that changed since the preview is not written
// to and the new plan is returned; a failure midway leaves nothing behind (one transaction);
// staff are never touched. And the roster's edit of one enrolment's section and identifiers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { applyRoster, previewRoster, updateEnrollmentFields } from "@/lib/lms/roster-import";
import { AppError } from "@/lib/server/errors";
import { DATABASES, type TestDatabase } from "./databases";

const now = new Date("2026-03-10T12:00:00Z");
const FILE = [
  "email,name,section,sis_id",
  "ada@ri.test,Ada,A,S001",
  "ben@ri.test,Ben,B,S002",
  "cy@ri.test,Cy,A,",
  '"dee@ri.test","Novak, Dee",C,S003',
  "ta@ri.test,Tess,A,",
  'hyper@ri.test,"=HYPERLINK(""http://x.test"",""y"")",C,S004',
].join("\r\n");

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  const courseId = "ri-course";

  const enrolmentOf = (email: string, course = courseId) =>
    t.db.enrollment.findFirst({
      where: { courseId: course, user: { email } },
      select: { role: true, section: true, sisUserId: true, sisLoginId: true, username: true, orgDefinedId: true },
    });
  const counts = async () => ({
    users: await t.db.user.count(),
    enrolments: await t.db.enrollment.count(),
    audit: await t.db.auditLog.count(),
  });

  beforeAll(async () => {
    t = await open();
    for (const [id, name] of [
      ["teacher", "Tess Teacher"],
      ["ada", "Ada Lovelace"],
      ["ben", "Ben Byte"],
      ["cy", "Cy Existing"],
      ["ta", "Tess Assistant"],
    ])
      await t.db.user.create({ data: { id, name, email: `${id}@ri.test` } });
    await t.db.course.create({ data: { id: courseId, code: "RI 1", title: "Roster", joinCode: "RICODE01", createdById: "teacher" } });
    await t.db.course.create({ data: { id: "other", code: "OT 1", title: "Other", joinCode: "RICODE02", createdById: "teacher" } });
    await t.db.enrollment.createMany({
      data: [
        { courseId, userId: "teacher", role: "INSTRUCTOR" },
        { courseId, userId: "ta", role: "TA", section: "T" },
        { courseId, userId: "ada", role: "STUDENT", section: "A", sisUserId: "S001" },
        { courseId, userId: "ben", role: "STUDENT", section: "A" },
        { courseId: "other", userId: "ben", role: "STUDENT", section: "Z", sisUserId: "S003" },
      ],
    });
  });
  afterAll(async () => t?.drop());

  it("writes nothing when the course changed since the preview, and says what the file would do now", async () => {
    const before = await counts();
    const { digest } = await previewRoster(t.db, courseId, FILE);
    await t.db.enrollment.updateMany({ where: { courseId, userId: "ada" }, data: { section: "Z" } });
    const outcome = await applyRoster(t.db, courseId, "teacher", FILE, digest, now);
    expect(outcome.applied).toBe(false);
    expect(outcome.preview.digest).not.toBe(digest);
    expect(outcome.preview.plan.update.find((u) => u.email === "ada@ri.test")?.changes).toEqual([{ field: "section", from: "Z", to: "A" }]);
    expect(await counts()).toEqual(before);
    await t.db.enrollment.updateMany({ where: { courseId, userId: "ada" }, data: { section: "A" } });
  });

  it("leaves nothing behind when a write fails midway", async () => {
    const before = await counts();
    // The new enrolments fail: the invited accounts and tokens written before them must go too.
    const failing = t.db.$extends({
      query: {
        enrollment: {
          async createMany({ args, query }) {
            if ([args.data].flat().some((row) => row.sisUserId === "S004")) throw new Error("disk full");
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    await expect(applyRoster(failing, courseId, "teacher", FILE, null, now)).rejects.toThrow("disk full");
    expect(await counts()).toEqual(before);
    expect(await t.db.user.findUnique({ where: { email: "dee@ri.test" } })).toBeNull();
    expect(await t.db.verification.count()).toBe(0);
  });

  it("applies exactly what the preview showed, in one go, students only", async () => {
    const preview = await previewRoster(t.db, courseId, FILE);
    const { plan } = preview;
    expect(plan.invite.map((p) => p.email)).toEqual(["dee@ri.test", "hyper@ri.test"]);
    expect(plan.enrol.map((p) => p.email)).toEqual(["cy@ri.test"]);
    expect(plan.update.map((u) => u.email)).toEqual(["ben@ri.test"]);
    expect(plan.unchanged).toBe(1);
    // Ben's S003 in another course is no clash; the TA's row is refused.
    expect(plan.refused.map((r) => [r.line, r.email])).toEqual([[6, "ta@ri.test"]]);

    const outcome = await applyRoster(t.db, courseId, "teacher", FILE, preview.digest, now);
    expect(outcome).toEqual({ applied: true, preview });

    const dee = await t.db.user.findUniqueOrThrow({ where: { email: "dee@ri.test" } });
    expect({ name: dee.name, invited: dee.invited }).toEqual({ name: "Novak, Dee", invited: true });
    expect(await t.db.verification.count({ where: { identifier: `invite:${dee.id}` } })).toBe(1);
    const hyper = await t.db.user.findUniqueOrThrow({ where: { email: "hyper@ri.test" } });
    expect(hyper.name).toBe('=HYPERLINK("http://x.test","y")');
    expect(await enrolmentOf("dee@ri.test")).toEqual({
      role: "STUDENT",
      section: "C",
      sisUserId: "S003",
      sisLoginId: null,
      username: null,
      orgDefinedId: null,
    });
    expect(await enrolmentOf("cy@ri.test")).toMatchObject({ role: "STUDENT", section: "A", sisUserId: null });
    expect(await enrolmentOf("ben@ri.test")).toMatchObject({ role: "STUDENT", section: "B", sisUserId: "S002" });
    expect(await enrolmentOf("ben@ri.test", "other")).toMatchObject({ section: "Z", sisUserId: "S003" });
    expect(await enrolmentOf("ta@ri.test")).toMatchObject({ role: "TA", section: "T" });
    // An existing account keeps its own name.
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "cy@ri.test" } })).name).toBe("Cy Existing");

    const audit = await t.db.auditLog.findFirstOrThrow({ where: { courseId, action: "roster.import" } });
    expect(JSON.parse(audit.detail!)).toMatchObject({ shape: "plain", invited: 2, enrolled: 1, updated: 1, unchanged: 1, refused: 1 });

    // The same file again changes nothing.
    const again = await previewRoster(t.db, courseId, FILE);
    expect({ invite: again.plan.invite.length, enrol: again.plan.enrol.length, update: again.plan.update.length }).toEqual({
      invite: 0,
      enrol: 0,
      update: 0,
    });
    expect(again.plan.unchanged).toBe(5);
  });

  it("refuses a file it cannot read with a 422 naming why", async () => {
    const error = await previewRoster(t.db, courseId, "Name,Mail\nx,y\n").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
  });

  describe("editing one enrolment", () => {
    const idOf = async (userId: string) => (await t.db.enrollment.findFirstOrThrow({ where: { courseId, userId } })).id;
    const fields = { section: "A", sisUserId: "S100", sisLoginId: "ada.l", username: "ada", orgDefinedId: "0042" };

    it("sets the section and identifiers, clears what is empty, and records what they were", async () => {
      const id = await idOf("ada");
      await updateEnrollmentFields(t.db, courseId, "teacher", id, fields);
      expect(await enrolmentOf("ada@ri.test")).toEqual({ role: "STUDENT", ...fields });
      await updateEnrollmentFields(t.db, courseId, "teacher", id, { ...fields, username: null });
      expect(await enrolmentOf("ada@ri.test")).toMatchObject({ username: null, orgDefinedId: "0042" });
      const entries = await t.db.auditLog.findMany({
        where: { courseId, action: "enrollment.fields", target: "ada" },
        orderBy: { at: "asc" },
      });
      expect(JSON.parse(entries[0].detail!).before).toEqual({
        section: "A",
        sisUserId: "S001",
        sisLoginId: null,
        username: null,
        orgDefinedId: null,
      });
      expect(JSON.parse(entries[1].detail!).before.username).toBe("ada");
    });

    it("refuses an identifier another enrolment holds (409) and an enrolment of another course (404)", async () => {
      const ben = await idOf("ben");
      const clash = await updateEnrollmentFields(t.db, courseId, "teacher", ben, { ...fields, sisUserId: "S100" }).catch((e: unknown) => e);
      expect((clash as AppError).status).toBe(409);
      const elsewhere = (await t.db.enrollment.findFirstOrThrow({ where: { courseId: "other" } })).id;
      const hidden = await updateEnrollmentFields(t.db, courseId, "teacher", elsewhere, fields).catch((e: unknown) => e);
      expect((hidden as AppError).status).toBe(404);
      expect(await enrolmentOf("ben@ri.test", "other")).toMatchObject({ section: "Z", sisUserId: "S003" });
    });
  });
});
