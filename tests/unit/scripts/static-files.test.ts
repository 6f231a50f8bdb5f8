// The production server's own answers for the build's static files (scripts/static-files.mjs):
// the file, gzipped when the browser takes gzip, with the build's /_next/ headers and a year of
// caching; anything outside the build's static folder, or missing, is left to Next.js.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ES module of the server script, without types
import { staticFiles } from "../../../scripts/static-files.mjs";

const dir = mkdtempSync(join(tmpdir(), "synack-static-"));
mkdirSync(join(dir, ".next", "static", "chunks"), { recursive: true });
const SCRIPT = "console.log('the chunk');".repeat(50);
writeFileSync(join(dir, ".next", "static", "chunks", "app.js"), SCRIPT);
writeFileSync(join(dir, "package.json"), "{}");
writeFileSync(
  join(dir, ".next", "routes-manifest.json"),
  JSON.stringify({ headers: [{ source: "/_next/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }] }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Answer = { status: number; headers: Record<string, string | number>; body: Buffer | undefined };
type Handler = (req: { method: string; url: string; headers: Record<string, string> }, res: unknown) => boolean;

function ask(handler: Handler, url: string, headers: Record<string, string> = {}, method = "GET"): Answer | null {
  const answer: Answer = { status: 0, headers: {}, body: undefined };
  const res = {
    writeHead(status: number, h: Record<string, string | number>) {
      answer.status = status;
      answer.headers = h;
    },
    end(body?: Buffer) {
      answer.body = body;
    },
  };
  return handler({ method, url, headers }, res) ? answer : null;
}

describe("static files", () => {
  const handler = staticFiles(dir) as Handler;

  it("serves a build file gzipped to a browser that takes gzip, with the build's headers and a year of caching", () => {
    const a = ask(handler, "/_next/static/chunks/app.js", { "accept-encoding": "gzip, br" })!;
    expect(a.status).toBe(200);
    expect(a.headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Content-Type": "application/javascript; charset=UTF-8",
      "Content-Encoding": "gzip",
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
    });
    expect(gunzipSync(a.body!).toString()).toBe(SCRIPT);
    expect(a.headers["Content-Length"]).toBe(a.body!.length);
  });

  it("serves it plain otherwise, and HEAD without a body", () => {
    const plain = ask(handler, "/_next/static/chunks/app.js?v=1")!;
    expect(plain.headers["Content-Encoding"]).toBeUndefined();
    expect(plain.body!.toString()).toBe(SCRIPT);
    const head = ask(handler, "/_next/static/chunks/app.js", {}, "HEAD")!;
    expect(head.status).toBe(200);
    expect(head.body).toBeUndefined();
  });

  it("leaves to Next.js what is missing, outside the static folder, malformed, not a read, or not a static path", () => {
    expect(ask(handler, "/_next/static/chunks/missing.js")).toBeNull();
    expect(ask(handler, "/_next/static/%2e%2e/%2e%2e/package.json")).toBeNull();
    expect(ask(handler, "/_next/static/..%2f..%2fpackage.json")).toBeNull();
    expect(ask(handler, "/_next/static/%ff")).toBeNull();
    expect(ask(handler, "/_next/static/chunks/app.js", {}, "POST")).toBeNull();
    expect(ask(handler, "/courses")).toBeNull();
  });
});
