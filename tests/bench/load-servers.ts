// The configurations the load bench starts for itself, each from a new database: `sqlite` (one
// `npm start` on a fresh file), `postgres` (one `npm start` on a PostgreSQL database created for
// the run and dropped after it) and `postgres-2` (two instances on that database behind
// tests/bench/load-proxy.ts, round robin). Also the CPU time the processes of each have used,
// read from /proc, so that a figure per request can be given.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { providePostgres, redacted } from "../support/postgres";

export const CONFIGS = ["sqlite", "postgres", "postgres-2"] as const;
export type ConfigName = (typeof CONFIGS)[number];

export interface RunningConfig {
  name: ConfigName;
  /** Where the students' browsers go. */
  base: string;
  databaseUrl: string;
  /** The app instances' process groups (for CPU time), and the proxy's if there is one. */
  appGroups: number[];
  proxyGroup: number | null;
  stop(): Promise<void>;
}

const TSX = "node_modules/tsx/dist/cli.mjs";
/** The instances' shared secret: the bench signs its students' session cookies with it. */
export const AUTH_SECRET = "load-bench-secret-".padEnd(40, "x");

function startProcess(args: string[], env: Record<string, string>, log: string[]): ChildProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // A group of its own, so that stopping it stops what it started (npm start runs the server as a child).
    detached: true,
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  return child;
}

/** Long enough for `npm start` to build first, when the sources are newer than the build. */
async function waitForHealth(base: string, child: ChildProcess, log: string[], timeoutMs = 900_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log.join("").slice(-2000)}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no answer from ${base} within ${timeoutMs / 1000} s:\n${log.join("").slice(-2000)}`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone already
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** `publicPort`: where the browsers go (the proxy's, in front of several instances), for the origin checks. */
async function startApp(port: number, publicPort: number, databaseUrl: string, log: string[], nextStatic: boolean): Promise<ChildProcess> {
  const env = {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET,
    HOST: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${publicPort}`,
    SYNACK_NEXT_STATIC: nextStatic ? "1" : "",
  };
  const child = startProcess([TSX, "scripts/start.ts"], env, log);
  await waitForHealth(`http://127.0.0.1:${port}`, child, log);
  return child;
}

/**
 * Starts `name` on `port` (and, for postgres-2, the two ports after it). `nextStatic`: the
 * build's static files served by Next.js's handler, as before scripts/static-files.mjs.
 */
export async function startConfig(name: ConfigName, port: number, nextStatic = false): Promise<RunningConfig> {
  const log: string[] = [];
  const children: ChildProcess[] = [];
  let dropDatabase = async () => undefined as void;
  const stop = async () => {
    await Promise.all(children.map(stopGroup));
    await dropDatabase();
  };
  try {
    let databaseUrl: string;
    if (name === "sqlite") {
      const file = `data/bench-load-${process.pid}.db`;
      databaseUrl = `file:./${file}`;
      dropDatabase = async () => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
      };
    } else {
      const server = await providePostgres();
      const dbName = `synack_load_${randomBytes(5).toString("hex")}`;
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const url = new URL(server.url);
      url.pathname = `/${dbName}`;
      databaseUrl = url.toString();
      dropDatabase = async () => {
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await client.end();
        await server.stop();
      };
      console.log(`  database ${dbName} on ${redacted(server.url)}`);
    }
    if (name !== "postgres-2") {
      children.push(await startApp(port, port, databaseUrl, log, nextStatic));
      return { name, base: `http://127.0.0.1:${port}`, databaseUrl, appGroups: [children[0].pid!], proxyGroup: null, stop };
    }
    // The first instance migrates and seeds; the second finds it done.
    children.push(await startApp(port + 1, port, databaseUrl, log, nextStatic));
    children.push(await startApp(port + 2, port, databaseUrl, log, nextStatic));
    const proxy = startProcess([TSX, "tests/bench/load-proxy.ts", String(port), String(port + 1), String(port + 2)], {}, log);
    children.push(proxy);
    await waitForHealth(`http://127.0.0.1:${port}`, proxy, log);
    return {
      name,
      base: `http://127.0.0.1:${port}`,
      databaseUrl,
      appGroups: [children[0].pid!, children[1].pid!],
      proxyGroup: proxy.pid!,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Kernel clock ticks per second (USER_HZ), 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

function childrenOf(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return tasks ? tasks.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
  } catch {
    return 0;
  }
}

/** CPU time (user + system, ms) used so far by `pid` and every process under it. */
export function treeCpuMs(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length) {
    const p = pending.pop()!;
    total += cpuOf(p);
    pending.push(...childrenOf(p));
  }
  return total;
}
