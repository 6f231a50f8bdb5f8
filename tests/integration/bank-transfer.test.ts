// Bank files through their real /api/v1 routes on SQLite and PostgreSQL: who may export (staff)
// and import (instructors), a bank of another course or none at all a 404, the export of the
// current versions only (archived left out) and the same bytes twice, a dry run that writes
// nothing, an import in one transaction with keys made unique, a file with any problem adding
// nothing, and the body's limits (413, 415, 422).
import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const holder = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  return { db: undefined as unknown };
});
vi.mock("server-only", () => ({}));
// The routes use the app's database: here it stands for the one each block below runs on.
vi.mock("@/lib/db/client", async (original) => (await import("./fixtures/app-db")).switchableClient(original, holder));

import { GET as exportRoute } from "@/app/api/v1/banks/[bankId]/export/route";
import { POST as importRoute } from "@/app/api/v1/banks/[bankId]/import/route";
import { issueToken } from "@/lib/auth/api-token-service";
import {
  archiveQuestion,
  copyFromLibrary,
  createBank,
  importTemplates,
  listQuestions,
  TemplateRefused,
  type Actor,
} from "@/lib/authoring/banks";
import { MAX_BANK_FILE_BYTES } from "@/lib/interchange/transfer-service";
import { QuestionTemplateSchema, starterLibrary } from "@/lib/questions";
import { DATABASES, type TestDatabase } from "./databases";

const BASE = "http://localhost:3000";
type Who = "INSTRUCTOR" | "TA" | "STUDENT" | "outsider";
type Outcome = {
  imported: boolean;
  dryRun: boolean;
  questions: { key: string; name: string; line: number | null }[];
  skipped: { reason: string }[];
  problems: { line: number | null; message: string }[];
};
const FEW = ["handshake-states", "lost-fin-leave", "handshake-count"];

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let me: Actor;
  let bankId = "";
  let otherBankId = "";
  const tokens: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    t = await open();
    holder.db = t.db;
    const person = (label: string) =>
      t.db.user.create({ data: { id: randomUUID(), name: label, email: `${label}-${randomUUID().slice(0, 8)}@example.edu` } });
    const owner = await person("owner");
    const course = await t.db.course.create({
      data: { code: "NET 1", title: "Networks", joinCode: randomUUID().slice(0, 8), createdById: owner.id },
    });
    for (const role of ["INSTRUCTOR", "TA", "STUDENT"] as const) {
      const user = await person(role.toLowerCase());
      await t.db.enrollment.create({ data: { courseId: course.id, userId: user.id, role } });
      tokens[role] = (await issueToken(t.db, user.id, { name: role })).token;
      if (role === "INSTRUCTOR") me = { userId: user.id, courseId: course.id };
    }
    const outsider = await person("outsider");
    tokens.outsider = (await issueToken(t.db, outsider.id, { name: "outsider" })).token;
    const elsewhere = await t.db.course.create({
      data: { code: "NET 2", title: "Elsewhere", joinCode: randomUUID().slice(0, 8), createdById: outsider.id },
    });
    await t.db.enrollment.create({ data: { courseId: elsewhere.id, userId: outsider.id, role: "INSTRUCTOR" } });
    otherBankId = (await createBank(t.db, { userId: outsider.id, courseId: elsewhere.id }, "Theirs")).id;
    bankId = (await createBank(t.db, me, 'Week 1, "TCP" — 第一周')).id;
    await copyFromLibrary(t.db, me, bankId, [...FEW, "active-close-states"], "en");
    await archiveQuestion(t.db, me, bankId, "active-close-states", true, "en");
  });
  afterAll(async () => {
    holder.db = undefined;
    await t?.drop();
  });

  const exportAs = (who: Who, query: string, bank = bankId) =>
    exportRoute(new Request(`${BASE}/api/v1/banks/${bank}/export?${query}`, { headers: { authorization: `Bearer ${tokens[who]}` } }), {
      params: Promise.resolve({ bankId: bank }),
    });

  function importAs(who: Who, file: string | Uint8Array<ArrayBuffer> | null, fields: Record<string, string>, bank = bankId) {
    const form = new FormData();
    if (file !== null) form.set("file", new Blob([file]), "bank.json");
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const request = new Request(`${BASE}/api/v1/banks/${bank}/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens[who]}` },
      body: form,
    });
    return importRoute(request, { params: Promise.resolve({ bankId: bank }) });
  }

  const keys = async () => (await listQuestions(t.db, me.courseId, bankId, {}, "en")).map((q) => q.key).sort();

  it("exports the current questions, archived ones left out, as an attachment named for the bank and format", async () => {
    const r = await exportAs("INSTRUCTOR", "format=json");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="Week-1-TCP-json.json"');
    const file = JSON.parse(await r.text()) as { format: string; title: string; questions: { id: string }[] };
    expect(file.format).toBe("synack-bank");
    expect(file.title).toBe('Week 1, "TCP" — 第一周');
    expect(file.questions.map((q) => q.id).sort()).toEqual([...FEW].sort());
  });

  it("lets staff export and only instructors import; another course's bank, or none, is a 404", async () => {
    expect((await exportAs("TA", "format=gift")).status).toBe(200);
    expect((await exportAs("STUDENT", "format=json")).status).toBe(403);
    expect((await exportAs("outsider", "format=json")).status).toBe(404);
    expect((await exportAs("INSTRUCTOR", "format=json", otherBankId)).status).toBe(404);
    expect((await exportAs("INSTRUCTOR", "format=json", "no-such-bank")).status).toBe(404);
    expect(await (await exportAs("INSTRUCTOR", "format=json", otherBankId)).json()).toEqual(
      await (await exportAs("outsider", "format=json")).json(),
    );
    const file = JSON.stringify({ format: "synack-bank", version: 1, questions: [] });
    expect((await importAs("TA", file, { format: "json", dryRun: "true" })).status).toBe(403);
    expect((await importAs("STUDENT", file, { format: "json", dryRun: "true" })).status).toBe(403);
    expect((await importAs("INSTRUCTOR", file, { format: "json" }, otherBankId)).status).toBe(404);
  });

  it("writes the same QTI package twice, with the seeds asked for; a bad query is a 400", async () => {
    const a = new Uint8Array(await (await exportAs("INSTRUCTOR", "format=qti&seeds=2")).arrayBuffer());
    const b = new Uint8Array(await (await exportAs("INSTRUCTOR", "format=qti&seeds=2")).arrayBuffer());
    expect(a).toEqual(b);
    const items = Object.keys(unzipSync(a)).filter((f) => f.startsWith("items/"));
    expect(items).toHaveLength(FEW.length * 2);
    expect(strFromU8(unzipSync(a)["imsmanifest.xml"])).toContain("imsqti_v2p1");
    expect((await exportAs("INSTRUCTOR", "format=qti&seeds=21")).status).toBe(400);
    expect((await exportAs("INSTRUCTOR", "format=pdf")).status).toBe(400);
  });

  it("a dry run reports the keys the questions would get and writes nothing", async () => {
    const before = await keys();
    const audits = await t.db.auditLog.count();
    const exported = await (await exportAs("INSTRUCTOR", "format=json")).text();
    const r = await importAs("INSTRUCTOR", exported, { format: "json", dryRun: "true" });
    expect(r.status).toBe(200);
    const outcome = (await r.json()) as Outcome;
    expect(outcome).toMatchObject({ dryRun: true, imported: false, problems: [], skipped: [] });
    expect(outcome.questions.map((q) => q.key).sort()).toEqual(FEW.map((k) => `${k}-2`).sort());
    expect(await keys()).toEqual(before);
    expect(await t.db.auditLog.count()).toBe(audits);
  });

  it("imports in one go under unique keys, equal templates to what was exported, and audits it", async () => {
    const exported = await (await exportAs("INSTRUCTOR", "format=json")).text();
    const outcome = (await (await importAs("INSTRUCTOR", exported, { format: "json" })).json()) as Outcome;
    expect(outcome.imported).toBe(true);
    const added = outcome.questions.map((q) => q.key);
    expect(added.sort()).toEqual(FEW.map((k) => `${k}-2`).sort());
    for (const key of added) {
      const row = await t.db.question.findFirstOrThrow({ where: { bankId, key } });
      const original = starterLibrary.find((s) => `${s.id}-2` === key)!;
      expect(QuestionTemplateSchema.parse(JSON.parse(row.template))).toEqual({ ...original, id: key });
      expect(row.authorId).toBe(me.userId);
    }
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "question.import", target: bankId } });
    expect(JSON.parse(audit.detail ?? "{}")).toMatchObject({ source: "json" });
  });

  it("a file with one bad question adds none of them, and says which and where", async () => {
    const before = await keys();
    const good = starterLibrary.find((s) => s.id === "lost-syn-ack-states")!;
    const bad = { ...good, id: "broken-one", ask: { kind: "segments", given: 40, count: 8 } };
    const file = JSON.stringify({ format: "synack-bank", version: 1, questions: [good, bad] }, null, 2);
    const outcome = (await (await importAs("INSTRUCTOR", file, { format: "json" })).json()) as Outcome;
    expect(outcome.imported).toBe(false);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0].message).toMatch(/segments/);
    expect(outcome.problems[0].line).toBe(file.split("\n").findLastIndex((l) => l === "    {") + 1);
    expect(await keys()).toEqual(before);
  });

  it("the authoring side refuses an unusable template with nothing written", async () => {
    const before = await keys();
    const good = QuestionTemplateSchema.parse({ ...structuredClone(starterLibrary[0]), id: "fine-one" });
    const bad = QuestionTemplateSchema.parse({ ...structuredClone(starterLibrary[0]), id: "bad-one", family: "no-such-family" });
    await expect(importTemplates(t.db, me, bankId, [good, bad], "en", "json")).rejects.toBeInstanceOf(TemplateRefused);
    expect(await keys()).toEqual(before);
  });

  it("bodies: over the limit 413, not a form 415, no file or no format 422", async () => {
    const big = new Uint8Array(MAX_BANK_FILE_BYTES + 32 * 1024).fill(0x20);
    const tooBig = await importAs("INSTRUCTOR", big, { format: "json" });
    expect(tooBig.status).toBe(413);
    const notForm = await importRoute(
      new Request(`${BASE}/api/v1/banks/${bankId}/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.INSTRUCTOR}`, "content-type": "application/json" },
        body: "{}",
      }),
      { params: Promise.resolve({ bankId }) },
    );
    expect(notForm.status).toBe(415);
    const noFile = await importAs("INSTRUCTOR", null, { format: "json" });
    expect(noFile.status).toBe(422);
    expect(((await noFile.json()) as { issues: { path: string[] }[] }).issues.map((i) => i.path)).toEqual([["file"]]);
    const noFormat = await importAs("INSTRUCTOR", "{}", {});
    expect(noFormat.status).toBe(422);
    const notJson = (await (await importAs("INSTRUCTOR", "{ nope", { format: "json", dryRun: "true" })).json()) as Outcome;
    expect(notJson.problems.map((p) => [p.line, p.message])).toEqual([[1, "The file is not valid JSON."]]);
  });
});
