// Oversized bodies against the built server: a body over the limit is refused with 413 while
// it is still arriving (declared or chunked, sent slowly), and the server's memory does not
// grow with the body. Before the limits held while streaming, a 470 MB body was read into
// memory and a 600 MB one ended in a 500.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, JSON_BODY_LIMIT } from "@/lib/server/limits";
import { builtActions, serveApp, type ServedApp } from "./served-app";

let app: ServedApp;
let cookie: string;
let attemptId: string;

beforeAll(async () => {
  app = await serveApp();
  cookie = await app.signIn("ada@synack.test");
  const quiz = (await app.db.db.quiz.findFirst({ where: { mode: "PRACTICE" }, select: { id: true } }))!;
  const start = await fetch(`${app.base}/api/quizzes/${quiz.id}/attempts`, {
    method: "POST",
    headers: { cookie, origin: app.origin, "content-type": "application/json" },
  });
  const started = (await start.json()) as { attemptId?: string; message?: string };
  if (!started.attemptId) throw new Error(`could not start an attempt: ${start.status} ${started.message}`);
  attemptId = started.attemptId;
});
afterAll(async () => {
  await app?.stop();
});

type Sent = { status: number; body: string; bytesSent: number; peakRss: number };

/**
 * Sends up to `totalBytes` in 64 KB chunks, pausing `pauseMs` after every `burst` chunks,
 * without Content-Length (chunked) unless `declare` is set; stops sending once the server
 * answers, and samples the server's memory meanwhile.
 */
function sendSlowly(
  method: string,
  path: string,
  headers: Record<string, string>,
  totalBytes: number,
  options: { declare?: boolean; pauseMs?: number; burst?: number } = {},
): Promise<Sent> {
  const { declare = false, pauseMs = 5, burst = 16 } = options;
  const url = new URL(path, app.base);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let peakRss = 0;
    let answered = false;
    const request = http.request(url, { method, headers: { ...headers, ...(declare ? { "content-length": String(totalBytes) } : {}) } });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.on("data", (c: Buffer) => (body += c.toString()));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, bytesSent, peakRss });
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      if (answered) return;
      peakRss = Math.max(peakRss, app.rss());
      for (let i = 0; i < burst && bytesSent < totalBytes; i++) {
        request.write(chunk);
        bytesSent += chunk.length;
      }
      if (bytesSent >= totalBytes) request.end();
      else setTimeout(pump, pauseMs);
    };
    pump();
  });
}

const MB = 1024 * 1024;

describe("bodies over the limit, against `next start`", () => {
  it("a chunked 300 MB save of an answer, sent slowly, is refused with 413 after little more than the limit, and memory stays flat", async () => {
    const before = app.rss();
    const sent = await sendSlowly(
      "PUT",
      `/api/attempts/${attemptId}/responses/1`,
      { cookie, origin: app.origin, "content-type": "application/json" },
      300 * MB,
    );
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body).message).toMatch(/too large/);
    expect(sent.bytesSent).toBeLessThan(JSON_BODY_LIMIT + 16 * MB); // what the sockets buffer before the answer arrives
    expect(sent.peakRss - before).toBeLessThan(64 * MB);
  });

  it("a declared 600 MB save is refused with 413 before the body is read", async () => {
    const sent = await sendSlowly(
      "PUT",
      `/api/attempts/${attemptId}/responses/1`,
      { cookie, origin: app.origin, "content-type": "application/json" },
      600 * MB,
      { declare: true },
    );
    expect(sent.status).toBe(413);
    expect(sent.bytesSent).toBeLessThan(16 * MB);
  });

  it("a chunked 128 MB server-action call, sent slowly, is refused with 413 and memory stays flat while it drains", async () => {
    const action = builtActions().find((a) => a.name === "checkPracticeAction")!;
    const before = app.rss();
    const sent = await sendSlowly(
      "POST",
      action.page,
      { "next-action": action.id, origin: app.origin, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      128 * MB,
    );
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body).message).toMatch(new RegExp(`at most ${ACTION_BODY_LIMIT} bytes`));
    // Next.js drains a proxied request's body before it answers, keeping at most
    // proxyClientMaxBodySize of it: the upload runs to its end, the memory does not grow.
    expect(sent.peakRss - before).toBeLessThan(64 * MB);
  });

  it("a chunked 128 MB multipart form post to a page is refused with 413", async () => {
    const action = builtActions().find((a) => a.name === "signInAction")!;
    const sent = await sendSlowly(
      "POST",
      action.page,
      { "next-action": action.id, origin: app.origin, "content-type": "multipart/form-data; boundary=x", accept: "text/x-component" },
      128 * MB,
    );
    expect(sent.status).toBe(413);
  });

  it("the server is still up and answers", async () => {
    expect(app.alive()).toBe(true);
    expect((await fetch(`${app.base}/api/health`)).status).toBe(200);
  });
});
