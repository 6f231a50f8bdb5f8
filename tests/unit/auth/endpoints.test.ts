import { describe, expect, it } from "vitest";
import { exposedOnly } from "@/lib/auth/endpoints";

const reached: string[] = [];
const handler = exposedOnly(async (request) => {
  reached.push(`${request.method} ${new URL(request.url).pathname}`);
  return new Response("better-auth");
});
const call = (method: string, path: string) => handler(new Request(`http://localhost/api/auth${path}`, { method }));

describe("better-auth's HTTP endpoints", () => {
  it("passes on only sign-in, session and sign-out", async () => {
    for (const [method, path] of [
      ["POST", "/sign-in/email"],
      ["GET", "/get-session"],
      ["POST", "/sign-out"],
    ]) {
      expect((await call(method, path)).status).toBe(200);
    }
    expect(reached).toEqual(["POST /api/auth/sign-in/email", "GET /api/auth/get-session", "POST /api/auth/sign-out"]);
  });

  it("answers 404 for every other endpoint, method or spelling, without reaching better-auth", async () => {
    reached.length = 0;
    for (const [method, path] of [
      ["POST", "/sign-up/email"],
      ["POST", "/update-user"],
      ["POST", "/change-password"],
      ["POST", "/delete-user"],
      ["GET", "/list-sessions"],
      ["GET", "/sign-in/email"],
      ["POST", "/sign-in/email/"],
      ["POST", "/sign-in/%65mail"],
      ["POST", "/get-session"],
      ["POST", ""],
    ]) {
      const r = await call(method, path);
      expect([method, path, r.status]).toEqual([method, path, 404]);
    }
    expect(reached).toEqual([]);
  });
});
