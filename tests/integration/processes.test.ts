// Faults across processes: SQLite surviving a kill -9 mid-write (WAL), PostgreSQL down at
// start (one line, non-zero exit), and PostgreSQL lost while serving (503, then recovery).
import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { sqlitePath } from "@/lib/db/sqlite-file";
import { postgresDatabase, sqliteDatabase, type TestDatabase } from "./databases";

const TSX = ["node_modules/tsx/dist/cli.mjs"];

function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = async () => {
      const value = await check();
      if (value !== undefined) return resolve(value);
      if (Date.now() - start > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 100);
    };
    void tick();
  });
}

describe("SQLite", () => {
  it("survives a kill -9 of a writer mid-write: the file opens, passes integrity_check and keeps every commit", async () => {
    const t: TestDatabase = await sqliteDatabase();
    const writer = spawn(process.execPath, [...TSX, "tests/integration/fixtures/sqlite-writer.ts", t.url], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let reported = 0;
    writer.stdout!.on("data", (chunk: Buffer) => {
      const lines = chunk.toString().trim().split("\n");
      reported = Number(lines[lines.length - 1]) || reported;
    });
    // Generous: on a busy machine the writer starts slowly; what is tested is durability, not speed.
    await waitFor(() => (reported >= 400 ? true : undefined), 90_000, "400 committed rows");
    writer.kill("SIGKILL");
    await new Promise((r) => writer.once("exit", r));
    const path = sqlitePath(t.url);
    expect(existsSync(`${path}-wal`)).toBe(true); // the kill left a write-ahead log behind
    const reopened = new Database(path);
    expect(reopened.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(reopened.pragma("journal_mode", { simple: true })).toBe("wal");
    const rows = reopened.prepare(`SELECT COUNT(*) FROM AuditLog WHERE action = 'load.write'`).pluck().get() as number;
    expect(rows).toBeGreaterThanOrEqual(reported);
    expect(rows % 20).toBe(0); // transactions are all or nothing
    reopened.close();
    await t.drop();
  }, 150_000);
});

describe("PostgreSQL faults", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  });

  it("down at start: npm start says so in one line and exits non-zero", () => {
    const run = spawnSync(process.execPath, [...TSX, "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/synack", AUTH_SECRET: "x".repeat(32) },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr
      .trim()
      .split("\n")
      .filter((l) => !l.includes("npm warn"));
    expect(lines).toEqual([
      "SynAck Lab cannot start: cannot reach PostgreSQL at 127.0.0.1:1/synack: connection refused — is the server running?",
    ]);
  });

  it("down while running: pages answer 503, and the app recovers by itself", async () => {
    if (!existsSync(".next/BUILD_ID")) throw new Error("this test serves the built app: run `npm run build` first (npm test does)");
    const t = await postgresDatabase();
    // A TCP relay between the app and PostgreSQL that the test can cut and restore.
    const target = new URL(t.url);
    const sockets = new Set<net.Socket>();
    let relay: net.Server | null = null;
    const relayPort = 25_000 + Math.floor(Math.random() * 10_000);
    const openRelay = () =>
      new Promise<void>((resolve) => {
        relay = net.createServer((client) => {
          const upstream = net.connect(Number(target.port || 5432), target.hostname);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on("close", () => sockets.delete(s));
            s.on("error", () => s.destroy());
          }
          client.pipe(upstream).pipe(client);
        });
        relay.listen(relayPort, "127.0.0.1", () => resolve());
      });
    const cutRelay = () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        relay!.close(() => resolve());
      });
    await openRelay();
    const viaRelay = new URL(t.url);
    viaRelay.host = `127.0.0.1:${relayPort}`;
    const port = 3400 + Math.floor(Math.random() * 500);
    const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
      env: {
        ...process.env,
        DATABASE_URL: viaRelay.toString(),
        AUTH_SECRET: "y".repeat(32),
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
    });
    children.push(server);
    const get = async (path: string) => {
      try {
        const r = await fetch(`http://localhost:${port}${path}`, { redirect: "manual" });
        return { status: r.status, text: await r.text() };
      } catch {
        return undefined;
      }
    };
    await waitFor(async () => ((await get("/api/health"))?.status === 200 ? true : undefined), 60_000, "the app to serve");
    expect((await get("/"))?.status).toBe(200);

    await cutRelay();
    await waitFor(async () => ((await get("/api/health"))?.status === 503 ? true : undefined), 15_000, "health to report 503");
    // Pages check the database themselves (cached up to a second), so allow that second.
    const page = await waitFor(
      async () => {
        const r = await get("/login");
        return r?.status === 503 ? r : undefined;
      },
      5_000,
      "pages to answer 503",
    );
    expect(page?.text).toContain("SynAck Lab is temporarily unavailable");
    expect((await get("/api/health"))?.status).toBe(503);
    // A correctly signed session cookie, so the route has to ask the database who it is.
    const token = "session-token-for-the-fault-test";
    const signed = `${token}.${createHmac("sha256", "y".repeat(32)).update(token).digest("base64")}`;
    const attempts = await fetch(`http://localhost:${port}/api/attempts/some-attempt/submit`, {
      method: "POST",
      headers: {
        cookie: `better-auth.session_token=${encodeURIComponent(signed)}`,
        origin: `http://localhost:${port}`,
        "content-type": "application/json",
      },
    });
    expect(attempts.status).toBe(503);
    expect((await attempts.json()).error).toBe("UNAVAILABLE");

    await openRelay();
    await waitFor(async () => ((await get("/login"))?.status === 200 ? true : undefined), 20_000, "the app to recover");
    expect((await get("/api/health"))?.status).toBe(200);
    server.kill("SIGTERM");
    await cutRelay();
    await t.drop();
  });
});
