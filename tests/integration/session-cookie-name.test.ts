// The session cookie is read under the name better-auth gives it for how the app is served:
// __Secure-better-auth.session_token over https (a name only a secure page can set), the plain
// name over http, never the other one, so a cookie planted on a plain-http sibling is not read.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sqliteDatabase, type TestDatabase } from "./databases";

const SECRET = "s".repeat(40);
const TOKEN = "cookie-name-test-token";
const signed = encodeURIComponent(`${TOKEN}.${createHmac("sha256", SECRET).update(TOKEN).digest("base64")}`);

let t: TestDatabase;
beforeAll(async () => {
  t = await sqliteDatabase();
  await t.db.user.create({ data: { id: "u1", name: "Cookie Test", email: "cookie@synack.test" } });
  await t.db.session.create({ data: { id: "s1", token: TOKEN, userId: "u1", expiresAt: new Date(Date.now() + 3_600_000) } });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await t.drop();
});

/** The reader as loaded with APP_URL = `appUrl`, and a client from the same module graph. */
async function readerFor(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  const { sessionFromCookie } = await import("@/lib/auth/session-cookie");
  const db = (await import("@/lib/db/client")).createDb(t.url);
  return (cookie: string) => sessionFromCookie(db, cookie, SECRET);
}

describe("the session cookie's name follows APP_URL", () => {
  it("over http: the plain name is read, __Secure- is not", async () => {
    const read = await readerFor("http://localhost:3000");
    expect((await read(`better-auth.session_token=${signed}`))?.user.id).toBe("u1");
    expect(await read(`__Secure-better-auth.session_token=${signed}`)).toBeNull();
  });

  it("over https: __Secure- is read, the plain name is not", async () => {
    const read = await readerFor("https://lab.example.edu");
    expect((await read(`__Secure-better-auth.session_token=${signed}`))?.user.id).toBe("u1");
    expect(await read(`better-auth.session_token=${signed}`)).toBeNull();
  });
});
