// The built app, served by `next start` on a fresh, seeded SQLite database, for tests that
// probe it from outside as a client would: requests, the server's memory, its survival.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fillDemoQuizzes } from "@/lib/demo/demo-quizzes";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_PASSWORD } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { sqliteDatabase, type TestDatabase } from "../databases";

export const AUTH_SECRET = "fuzz-secret-".padEnd(40, "z");

export interface ServedApp {
  base: string;
  origin: string;
  /** Resident memory of the server process and its children, in bytes. */
  rss(): number;
  alive(): boolean;
  /** A session cookie for a demo account. */
  signIn(email: string): Promise<string>;
  db: TestDatabase;
  stop(): Promise<void>;
}

function children(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(entry), ...children(Number(entry)));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

function rssOf(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export async function serveApp(): Promise<ServedApp> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("this test serves the built app: run `npm run build` first (npm test does)");
  const db = await sqliteDatabase();
  // As `npm start` seeds: the demo course, its question library, then its quizzes.
  await seedDemo(db.db);
  await syncStarterLibrary(db.db);
  await fillDemoQuizzes(db.db);
  const port = 3400 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  // The heap capped well below V8's default (a quarter of the machine's memory), so garbage is
  // collected before the heap grows and the memory check measures what is kept, not when V8
  // chose to collect; a leak ends in a crash the fuzz pass sees.
  const server: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_OPTIONS: "--max-old-space-size=192",
        DATABASE_URL: db.url,
        AUTH_SECRET,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        APP_URL: "",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  server.stderr!.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-20_000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the app did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    origin: base,
    db,
    rss: () => [server.pid!, ...children(server.pid!)].reduce((sum, pid) => sum + rssOf(pid), 0),
    alive: () => server.exitCode === null && server.signalCode === null,
    async signIn(email) {
      const r = await fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: base },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0];
      if (!r.ok || !cookie.includes("session_token=")) throw new Error(`sign-in of ${email} failed: ${r.status}`);
      return cookie;
    },
    async stop() {
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
      await db.drop();
    },
  };
}

/** The server actions of the build: id, exported name, and a page that holds each. */
export function builtActions(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]; // e.g. app/courses/[courseId]/page
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\[[^\]]+\]/g, "x") || "/";
    return { id, name: entry.exportedName, page };
  });
}
