// The configurations the load bench starts for itself, each from a new database: `sqlite` (one
// `npm start` on a fresh file), `postgres` (one `npm start` on a PostgreSQL database created for
// the run and dropped after it) and `postgres-2` (two instances on that database behind
// tests/bench/load-proxy.ts, round robin). Also the CPU time the processes of each have used,
// read from /proc, so that a figure per request can be given, and the faults the bench can make
// during a run: an instance killed with SIGKILL and started again, PostgreSQL stopped and started.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { providePostgres, redacted, startEmbeddedPostgres } from "../support/postgres";

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
  /** CPU time of instances killed during the run, read just before each kill (ms). */
  retiredCpuMs: number;
  /** SIGKILL to instance `index`'s whole group, then `npm start` again on its port; the ms until it answers. */
  killApp(index: number): Promise<number>;
  /** Only on an embedded PostgreSQL (`embeddedPostgres`): a fast shutdown, `downMs` of nothing, a start. */
  restartDatabase: ((downMs: number) => Promise<void>) | null;
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
export async function startConfig(name: ConfigName, port: number, nextStatic = false, embeddedPostgres = false): Promise<RunningConfig> {
  const log: string[] = [];
  const children: ChildProcess[] = [];
  let dropDatabase = async () => undefined as void;
  let restartDatabase: RunningConfig["restartDatabase"] = null;
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
      // A server of the bench's own when it is to be restarted: never the machine's shared one.
      const embedded = embeddedPostgres ? await startEmbeddedPostgres() : null;
      const server = embedded ? { url: embedded.url, stop: embedded.stop } : await providePostgres();
      if (embedded)
        restartDatabase = async (downMs) => {
          await embedded.halt();
          await new Promise((r) => setTimeout(r, downMs));
          await embedded.start();
        };
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
    // Each instance: its port, and the one the browsers use (the proxy's, in front of several).
    const instances = name === "postgres-2" ? [port + 1, port + 2] : [port];
    for (const own of instances) children.push(await startApp(own, port, databaseUrl, log, nextStatic));
    let proxyGroup: number | null = null;
    if (name === "postgres-2") {
      const proxy = startProcess([TSX, "tests/bench/load-proxy.ts", String(port), String(port + 1), String(port + 2)], {}, log);
      children.push(proxy);
      await waitForHealth(`http://127.0.0.1:${port}`, proxy, log);
      proxyGroup = proxy.pid!;
    }
    const config: RunningConfig = {
      name,
      base: `http://127.0.0.1:${port}`,
      databaseUrl,
      appGroups: instances.map((_, k) => children[k].pid!),
      proxyGroup,
      retiredCpuMs: 0,
      async killApp(index) {
        const victim = children[index];
        config.retiredCpuMs += treeCpuMs(victim.pid!);
        const exited = new Promise((r) => victim.once("exit", r));
        process.kill(-victim.pid!, "SIGKILL");
        await exited;
        const down = performance.now();
        children[index] = await startApp(instances[index], port, databaseUrl, log, nextStatic);
        config.appGroups[index] = children[index].pid!;
        return performance.now() - down;
      },
      restartDatabase,
      stop,
    };
    return config;
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
