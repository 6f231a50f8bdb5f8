// `npm start` stopped with SIGTERM (what a service manager sends, and what Ctrl-C's SIGINT
// is handled as) stops every process it started: the server, and nothing is left listening.
// Serves the built app: the build must be current, or this would wait for a build.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { freePort } from "../support/free-port";

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    children = text ? text.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

function alive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
    return state !== undefined && state !== "Z";
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), "synack-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("SIGTERM to npm start stops the server it started, and every other process under it", async () => {
  if (!existsSync(".next/BUILD_ID")) throw new Error("this test serves the built app: run `npm run build` first (npm test does)");
  const port = await freePort();
  const start = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${join(dir, "start.db")}`,
      AUTH_SECRET: "s".repeat(40),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  start.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  start.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => start.once("exit", (code) => resolve(code)));
  for (let i = 0; i < 600 && !out.includes("SynAck Lab is running"); i++) await new Promise((r) => setTimeout(r, 100));
  expect(out).toContain("SynAck Lab is running");
  expect(out).not.toContain("Building the app"); // a build here would be a stale build, not this test's subject
  expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  const started = descendants(start.pid!);
  expect(started.length).toBeGreaterThanOrEqual(2); // start.ts under tsx, and the server under it

  start.kill("SIGTERM");
  expect(await exited).toBe(0);
  for (let i = 0; i < 100 && started.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
  expect(started.filter(alive)).toEqual([]);
  await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
}, 60_000);
