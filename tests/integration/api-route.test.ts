// The /api/v1 kit (lib/api/route.ts) on SQLite and PostgreSQL, with operations declared for the
// test: a course operation lets in the roles that hold its permission (outsider 404, lacking role
// 403, a site administrator as an instructor), parses its path (404), query (400) and body (413,
// 400, 422 with issues) in that order, and turns what the handler throws into its status —
// an AppError into its own, anything else into a 500 that tells nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const holder = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  return { db: undefined as unknown };
});
vi.mock("server-only", () => ({}));
// The kit uses the app's database: here it stands for the one each block below runs on.
vi.mock("@/lib/db/client", async (original) => (await import("./fixtures/app-db")).switchableClient(original, holder));

import { z } from "zod";
import { defineOperation } from "@/lib/api/operation";
import { apiRoute } from "@/lib/api/route";
import { issueToken } from "@/lib/auth/api-token-service";
import type { CourseRole } from "@/lib/auth/roles";
import { msg } from "@/lib/i18n/msg";
import { AppError } from "@/lib/server/errors";
import { JSON_BODY_LIMIT } from "@/lib/server/limits";
import { DATABASES, type TestDatabase } from "./databases";

const BASE = "http://localhost:3000";
const Params = z.object({ courseId: z.string().min(1).max(64), thingId: z.string().min(1).max(8) });

const renameThing = defineOperation({
  id: "renameThing",
  method: "PATCH",
  path: "/courses/{courseId}/things/{thingId}",
  summary: "Rename a thing",
  tag: "Things",
  access: { permission: "banks.edit" },
  params: Params,
  query: z.object({ dryRun: z.enum(["true", "false"]).optional() }),
  body: z.strictObject({ title: z.string().min(3).max(20) }),
  response: z.object({ courseId: z.string(), thingId: z.string(), title: z.string(), dryRun: z.boolean(), role: z.string() }),
});
const viewThing = defineOperation({
  id: "viewThing",
  method: "GET",
  path: "/courses/{courseId}/things/{thingId}",
  summary: "A thing",
  tag: "Things",
  access: { permission: "banks.view" },
  params: Params,
  response: z.object({ course: z.string() }),
});

const PATCH = apiRoute(renameThing, async ({ access, params, query, body }) => {
  if (body.title === "conflict") throw new AppError("CONFLICT", msg("errors.tokens.notFound"));
  if (body.title === "explode") throw new Error("a secret detail of the failure");
  return { ...params, title: body.title, dryRun: query.dryRun === "true", role: access.role };
});
const GET = apiRoute(viewThing, async ({ access }) => ({ course: access.course.id }));

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let courseId: string;
  const tokens: Partial<Record<CourseRole | "outsider" | "admin", string>> = {};

  beforeAll(async () => {
    t = await open();
    holder.db = t.db;
    const person = async (label: string, isAdmin = false) =>
      t.db.user.create({ data: { id: randomUUID(), name: label, email: `${label}-${randomUUID().slice(0, 8)}@example.edu`, isAdmin } });
    const owner = await person("owner");
    courseId = (
      await t.db.course.create({ data: { code: "NET 1", title: "Networks", joinCode: randomUUID().slice(0, 8), createdById: owner.id } })
    ).id;
    for (const role of ["INSTRUCTOR", "TA", "STUDENT"] as const) {
      const user = await person(role.toLowerCase());
      await t.db.enrollment.create({ data: { courseId, userId: user.id, role } });
      tokens[role] = (await issueToken(t.db, user.id, { name: role })).token;
    }
    tokens.outsider = (await issueToken(t.db, (await person("outsider")).id, { name: "outsider" })).token;
    tokens.admin = (await issueToken(t.db, (await person("admin", true)).id, { name: "admin" })).token;
  });
  afterAll(async () => {
    holder.db = undefined;
    await t?.drop();
  });

  function patch(who: keyof typeof tokens, options: { body?: string; query?: string; thingId?: string; course?: string } = {}) {
    const thingId = options.thingId ?? "t1";
    const course = options.course ?? courseId;
    const request = new Request(`${BASE}/api/v1/courses/${course}/things/${thingId}${options.query ?? ""}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
      body: options.body ?? JSON.stringify({ title: "New name" }),
    });
    return PATCH(request, { params: Promise.resolve({ courseId: course, thingId }) });
  }
  const view = (who: keyof typeof tokens) =>
    GET(new Request(`${BASE}/api/v1/courses/${courseId}/things/t1`, { headers: { authorization: `Bearer ${tokens[who]}` } }), {
      params: Promise.resolve({ courseId, thingId: "t1" }),
    });

  it("lets in exactly the roles holding the permission: outsider 404, lacking role 403, a site administrator as an instructor", async () => {
    const ok = await patch("INSTRUCTOR");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ courseId, thingId: "t1", title: "New name", dryRun: false, role: "INSTRUCTOR" });
    expect((await patch("admin")).status).toBe(200);
    for (const who of ["TA", "STUDENT"] as const) {
      const r = await patch(who);
      expect(r.status, who).toBe(403);
      expect(await r.json()).toMatchObject({ error: "FORBIDDEN" });
    }
    const outsider = await patch("outsider");
    expect(outsider.status).toBe(404);
    expect(await outsider.json()).toMatchObject({ error: "NOT_FOUND" });
    // A course that does not exist reads the same as one the caller is not in.
    expect(await (await patch("INSTRUCTOR", { course: "no-such-course" })).json()).toEqual(await (await patch("outsider")).json());
    // banks.view: TAs too, students not.
    expect((await view("TA")).status).toBe(200);
    expect(await (await view("TA")).json()).toEqual({ course: courseId });
    expect((await view("STUDENT")).status).toBe(403);
  });

  it("a path parameter outside its schema is a 404: nothing by that name", async () => {
    const r = await patch("INSTRUCTOR", { thingId: "much-too-long" });
    expect(r.status).toBe(404);
  });

  it("a query that does not validate is a 400 with its issues; a good one reaches the handler", async () => {
    const r = await patch("INSTRUCTOR", { query: "?dryRun=maybe" });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: string; issues: { path: unknown[] }[] };
    expect(body.error).toBe("BAD_REQUEST");
    expect(body.issues.map((i) => i.path)).toEqual([["dryRun"]]);
    expect(await (await patch("INSTRUCTOR", { query: "?dryRun=true" })).json()).toMatchObject({ dryRun: true });
  });

  it("bodies: not JSON 400, too large 413, invalid 422 with every issue at its path — and the role is checked before any of them", async () => {
    expect((await patch("INSTRUCTOR", { body: "{not json" })).status).toBe(400);
    expect((await patch("INSTRUCTOR", { body: JSON.stringify({ title: "x".repeat(JSON_BODY_LIMIT) }) })).status).toBe(413);
    const invalid = await patch("INSTRUCTOR", { body: JSON.stringify({ title: "ab", extra: true }) });
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { error: string; message: string; issues: { path: unknown[]; message: string }[] };
    expect(body.error).toBe("UNPROCESSABLE");
    expect(body.message).toBe("The body does not validate: 2 problems.");
    expect(body.issues.map((i) => i.path).sort()).toEqual([[], ["title"]].sort());
    // A student learns nothing of the body's problems: 403 first.
    expect((await patch("STUDENT", { body: "{not json" })).status).toBe(403);
  });

  it("what the handler throws: an AppError keeps its status and message; anything else is a 500 that tells nothing", async () => {
    const conflict = await patch("INSTRUCTOR", { body: JSON.stringify({ title: "conflict" }) });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ error: "CONFLICT", message: "You have no such token." });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failed = await patch("INSTRUCTOR", { body: JSON.stringify({ title: "explode" }) });
    quiet.mockRestore();
    expect(failed.status).toBe(500);
    const text = await failed.text();
    expect(JSON.parse(text)).toMatchObject({ error: "INTERNAL" });
    expect(text).not.toContain("secret detail");
  });

  it("a route without dynamic segments may be called with no params at all", async () => {
    const op = defineOperation({
      id: "ping",
      method: "GET",
      path: "/ping",
      summary: "Ping",
      tag: "Test",
      access: "signed-in",
      params: z.object({}),
      response: z.object({ pong: z.boolean() }),
    });
    const ping = apiRoute(op, async ({ access }) => ({ pong: access === null }));
    const r = await ping(new Request(`${BASE}/api/v1/ping`, { headers: { authorization: `Bearer ${tokens.STUDENT}` } }));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ pong: true });
  });
  it("a method an address does not take is a 405 naming the ones it does, in words and in Allow", async () => {
    // The starter library's route takes GET only; a path with ".." in it can land there by a POST.
    const library = await import("@/app/api/v1/library/route");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const r = library[method](new Request(`${BASE}/api/v1/library`, { method, headers: { "accept-language": "en" } }));
      expect(r.status, method).toBe(405);
      expect(r.headers.get("allow")).toBe("GET");
      expect(await r.json()).toEqual({ error: "METHOD_NOT_ALLOWED", message: `This address does not take ${method}; it takes GET.` });
    }
    const zh = library.POST(new Request(`${BASE}/api/v1/library`, { method: "POST", headers: { "accept-language": "zh-CN" } }));
    expect((await zh.json()).message).toBe("此地址不接受 POST 请求；它接受 GET。");
  });
});
