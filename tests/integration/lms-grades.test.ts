// The grade export through its real /api/v1 routes on SQLite and PostgreSQL: the file of each LMS
// from the course's gradebook (counted scores, excused, a closed quiz at 0), recorded with the
// checksum of the bytes sent; the students an LMS cannot match refused by name before anything is
// recorded, or left out on request; the check that records nothing; the quizzes' columns per LMS,
// which change the file, audited; and who may do what (TA exports, only instructors map).
import { createHash, randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const holder = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  return { db: undefined as unknown };
});
vi.mock("server-only", () => ({}));
// The routes use the app's database: here it stands for the one each block below runs on.
vi.mock("@/lib/db/client", async (original) => (await import("./fixtures/app-db")).switchableClient(original, holder));

import { GET as checkRoute } from "@/app/api/v1/courses/[courseId]/grades/export/check/route";
import { GET as exportRoute } from "@/app/api/v1/courses/[courseId]/grades/export/route";
import { GET as listRoute } from "@/app/api/v1/courses/[courseId]/grades/exports/route";
import { GET as getColumnsRoute, PUT as putColumnsRoute } from "@/app/api/v1/courses/[courseId]/grades/lms-columns/route";
import { issueToken } from "@/lib/auth/api-token-service";
import { DATABASES, type TestDatabase } from "./databases";

const BASE = "http://localhost:3000";
const past = new Date("2026-01-10T12:00:00Z");

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  const courseId = `lms-${randomUUID().slice(0, 8)}`;
  const tokens: Record<string, string> = {};
  const quiz: Record<string, string> = {};

  beforeAll(async () => {
    t = await open();
    holder.db = t.db;
    const db = t.db;
    const person = async (id: string, name: string) => db.user.create({ data: { id, name, email: `${id}@lms.test` } });
    await person("teacher", "Tess Teacher");
    await db.course.create({
      data: { id: courseId, code: "NET 101", title: "Networks", joinCode: randomUUID().slice(0, 8), createdById: "teacher" },
    });
    await db.course.create({
      data: { id: `${courseId}-x`, code: "OT 1", title: "Other", joinCode: randomUUID().slice(0, 8), createdById: "teacher" },
    });
    await db.enrollment.create({ data: { courseId, userId: "teacher", role: "INSTRUCTOR" } });
    await person("ta", "Tom Assistant");
    await db.enrollment.create({ data: { courseId, userId: "ta", role: "TA" } });
    await person("outsider", "Olga Outside");
    await person("ada", "Lovelace, Ada");
    await person("evil", '=HYPERLINK("http://evil.test","Zoë")');
    await person("chen", "陈静");
    await db.enrollment.createMany({
      data: [
        {
          courseId,
          userId: "ada",
          role: "STUDENT",
          section: "A",
          sisUserId: "S001",
          sisLoginId: "ada",
          username: "ada",
          orgDefinedId: "0001",
        },
        {
          courseId,
          userId: "evil",
          role: "STUDENT",
          section: "A",
          sisUserId: "S002",
          sisLoginId: "zoe",
          username: "zoe",
          orgDefinedId: "0002",
        },
        { courseId, userId: "chen", role: "STUDENT", section: "B" },
      ],
    });
    for (const who of ["teacher", "ta", "outsider", "ada"]) tokens[who] = (await issueToken(db, who, { name: who })).token;

    const make = async (key: string, data: Record<string, unknown>, points: number[]) => {
      const q = await db.quiz.create({
        data: { courseId, title: key, mode: "EXAM", items: { create: points.map((p, i) => ({ position: i, points: p })) }, ...data },
      });
      quiz[key] = q.id;
    };
    await make('Handshake, "SYN"', { published: true, closesAt: past, createdAt: new Date("2026-01-01T00:00:00Z") }, [4, 6]);
    await make("Teardown", { published: true, createdAt: new Date("2026-01-02T00:00:00Z") }, [20]);
    await make("draft", { published: false }, [5]);
    quiz.other = (await db.quiz.create({ data: { courseId: `${courseId}-x`, title: "elsewhere", mode: "EXAM", published: true } })).id;
    const attempt = (quizId: string, userId: string, score: number, maxScore: number) =>
      db.attempt.create({
        data: {
          quizId,
          userId,
          number: 1,
          status: "SUBMITTED",
          startedAt: new Date("2026-01-05T10:00:00Z"),
          submittedAt: new Date("2026-01-05T10:20:00Z"),
          score,
          maxScore,
        },
      });
    await attempt(quiz['Handshake, "SYN"'], "ada", 8.5, 10);
    await attempt(quiz.Teardown, "ada", 17.25, 20);
    await attempt(quiz.Teardown, "evil", 12, 20);
    await db.quizExcusal.create({ data: { quizId: quiz['Handshake, "SYN"'], userId: "evil", byId: "teacher", reason: "Ill" } });
  });
  afterAll(async () => {
    holder.db = undefined;
    await t?.drop();
  });

  const params = { params: Promise.resolve({ courseId }) };
  const get = (route: typeof exportRoute, path: string, who: string, query = "") =>
    route(
      new Request(`${BASE}/api/v1/courses/${courseId}/grades/${path}${query}`, { headers: { authorization: `Bearer ${tokens[who]}` } }),
      params,
    );
  const put = (who: string, body: unknown) =>
    putColumnsRoute(
      new Request(`${BASE}/api/v1/courses/${courseId}/grades/lms-columns`, {
        method: "PUT",
        headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      params,
    );
  const exportsOf = () => t.db.gradeExport.findMany({ where: { courseId }, orderBy: { createdAt: "asc" } });

  it("downloads the Canvas file of the gradebook as a TA, and records who, what and the checksum of the bytes sent", async () => {
    const before = (await exportsOf()).length;
    const r = await get(exportRoute, "export", "ta", "?format=canvas");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const day = new Date().toISOString().slice(0, 10);
    expect(r.headers.get("content-disposition")).toBe(`attachment; filename="NET-101-grades-canvas-${day}.csv"`);
    const bytes = Buffer.from(await r.arrayBuffer());
    const rows = parse(bytes.toString("utf8"), { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", 'Handshake, "SYN"', "Teardown"]);
    expect(rows[1]).toEqual(["    Points Possible", "", "", "", "", "10.00", "20.00"]);
    // By name, as the gradebook sorts: the excused cell is EX, the closed quiz not taken counts 0.
    expect(rows.slice(2)).toEqual([
      ['\'=HYPERLINK("http://evil.test","Zoë")', "", "S002", "zoe", "A", "EX", "12"],
      ["Lovelace, Ada", "", "S001", "ada", "A", "8.5", "17.25"],
      ["陈静", "", "", "", "B", "0", ""],
    ]);
    const recorded = await exportsOf();
    expect(recorded).toHaveLength(before + 1);
    const last = recorded.at(-1)!;
    expect(last).toMatchObject({ byId: "ta", format: "canvas", rowCount: 3, fileName: `NET-101-grades-canvas-${day}.csv` });
    expect(JSON.parse(last.columns)).toEqual([quiz['Handshake, "SYN"'], quiz.Teardown]);
    expect(last.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
    const list = (await (await get(listRoute, "exports", "teacher")).json()) as { exports: { id: string; by: { name: string } }[] };
    expect(list.exports[0]).toMatchObject({ id: last.id, by: { name: "Tom Assistant" } });
  });

  it("refuses a Moodle file by username while a student has none, naming them, and records nothing; missing=skip leaves them out", async () => {
    const before = (await exportsOf()).length;
    const refused = await get(exportRoute, "export", "teacher", `?format=moodle&identifier=username&quizzes=${quiz.Teardown},total`);
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: string; issues: { message: string }[] };
    expect(body.error).toBe("UNPROCESSABLE");
    expect(body.issues.map((i) => i.message)).toEqual(["陈静 (chen@lms.test): no identifier"]);
    expect(await exportsOf()).toHaveLength(before);

    const r = await get(exportRoute, "export", "teacher", `?format=moodle&identifier=username&quizzes=${quiz.Teardown},total&missing=skip`);
    expect(r.status).toBe(200);
    // The total: ada (8.5/10 + 17.25/20) / 2 = 85.63 %; Zoë excused from the first, 12/20 = 60 %.
    expect(await r.text()).toBe("Username,Teardown,SynAck Lab course total\r\nzoe,12,60\r\nada,17.25,85.63\r\n");
    const last = (await exportsOf()).at(-1)!;
    expect(JSON.parse(last.options)).toEqual({ format: "moodle", identifier: "username", bom: false, leftOut: 1 });
    expect(JSON.parse(last.columns)).toEqual([quiz.Teardown, "total"]);
  });

  it("checks a file before the download — rows, columns, who is left out, warnings in the caller's language — and records nothing", async () => {
    const before = (await exportsOf()).length;
    const r = await get(checkRoute, "export/check", "ta", "?format=blackboard&delimiter=tab");
    expect(r.status).toBe(200);
    const check = (await r.json()) as { fileName: string; rowCount: number; leftOut: { userId: string }[]; warnings: string[] };
    expect(check.fileName).toMatch(/^NET-101-grades-blackboard-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(check.rowCount).toBe(2);
    expect(check.leftOut.map((s) => s.userId)).toEqual(["chen"]);
    expect(check.warnings).toHaveLength(2);
    expect(check.warnings[0]).toContain("Blackboard column id");
    expect(await exportsOf()).toHaveLength(before);
  });

  it("writes a quiz to its column in the LMS once an instructor maps it, audited; a TA may read the columns, not set them", async () => {
    const handshake = quiz['Handshake, "SYN"'];
    expect((await put("ta", { lms: "blackboard", columns: [{ quizId: handshake, externalId: "664617", title: null }] })).status).toBe(403);
    const r = await put("teacher", {
      lms: "blackboard",
      columns: [
        { quizId: handshake, externalId: "664617", title: "Quiz 1" },
        { quizId: quiz.Teardown, externalId: null, title: null },
      ],
    });
    expect(r.status).toBe(200);
    const read = (await (await get(getColumnsRoute, "lms-columns", "ta")).json()) as { quizzes: { quizId: string; columns: unknown[] }[] };
    expect(read.quizzes.find((q) => q.quizId === handshake)?.columns).toEqual([
      { lms: "blackboard", externalId: "664617", title: "Quiz 1" },
    ]);
    const text = await (await get(exportRoute, "export", "teacher", `?format=blackboard&quizzes=${handshake}&missing=skip`)).text();
    expect(text.split("\r\n")[0]).toBe('"Last Name","First Name","Username","Student ID","Quiz 1 [Total Pts: 10 Score] |664617"');
    const audit = await t.db.auditLog.findMany({ where: { courseId, action: "grades.lmsColumns" } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toEqual({
      lms: "blackboard",
      changes: [{ quizId: handshake, old: { externalId: null, title: null }, new: { externalId: "664617", title: "Quiz 1" } }],
    });
    // Removing it: the quiz's own title again.
    await put("teacher", { lms: "blackboard", columns: [{ quizId: handshake, externalId: null, title: null }] });
    expect(await t.db.quizLmsColumn.count({ where: { quizId: handshake } })).toBe(0);
  });

  it("refuses another course's quiz (nothing changes), an id for an LMS without ids, and an id that is not a number", async () => {
    const handshake = quiz['Handshake, "SYN"'];
    const r = await put("teacher", {
      lms: "canvas",
      columns: [
        { quizId: handshake, externalId: "1234", title: null },
        { quizId: quiz.other, externalId: "1", title: null },
      ],
    });
    expect(r.status).toBe(404);
    expect(await t.db.quizLmsColumn.count({ where: { quizId: handshake } })).toBe(0);
    const moodleId = await put("teacher", { lms: "moodle", columns: [{ quizId: handshake, externalId: "12", title: null }] });
    expect(moodleId.status).toBe(422);
    expect(((await moodleId.json()) as { issues: { path: unknown[] }[] }).issues[0].path).toEqual(["columns", 0, "externalId"]);
    expect((await put("teacher", { lms: "canvas", columns: [{ quizId: handshake, externalId: "12a", title: null }] })).status).toBe(422);
  });

  it("answers 400 for a draft or unknown column and an option of another format; a student 403, an outsider 404", async () => {
    expect((await get(exportRoute, "export", "teacher", `?format=canvas&quizzes=${quiz.draft}`)).status).toBe(400);
    expect((await get(exportRoute, "export", "teacher", `?format=canvas&quizzes=${quiz.other}`)).status).toBe(400);
    expect((await get(exportRoute, "export", "teacher", "?format=canvas&delimiter=tab")).status).toBe(400);
    expect((await get(exportRoute, "export", "teacher", "?format=moodle&identifier=orgdefinedid")).status).toBe(400);
    expect((await get(exportRoute, "export", "teacher", "?format=brightspace&bom=true")).status).toBe(400);
    expect((await get(exportRoute, "export", "teacher", "?format=excel")).status).toBe(400);
    expect((await get(exportRoute, "export", "ada", "?format=canvas")).status).toBe(403);
    expect((await get(listRoute, "exports", "ada")).status).toBe(403);
    expect((await get(exportRoute, "export", "outsider", "?format=canvas")).status).toBe(404);
  });

  it("writes Brightspace's file with #-prefixed ids, leading zeros kept", async () => {
    const text = await (await get(exportRoute, "export", "teacher", "?format=brightspace&missing=skip")).text();
    expect(text).toBe(
      'OrgDefinedId,"Handshake, ""SYN"" Points Grade",Teardown Points Grade,End-of-Line Indicator\r\n#0002,,12,#\r\n#0001,8.5,17.25,#\r\n',
    );
  });
});
