// `npm start`: migrate the database, seed the demo course on first start, build if there is
// no build (or the sources changed since), then serve on PORT (default 3000) at the address
// HOST names (default: every interface). SIGTERM or Ctrl-C stops whatever it started, the
// build included. The children stay in this process's group, so that whoever stops the group
// (a terminal's Ctrl-C, a test runner's kill) stops them too.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseUnavailableError, migrate } from "../lib/db/migrate";
import { DEMO_JOIN_CODE, DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/seed-data";
import { env, provider } from "../lib/env";

const NEXT = "node_modules/next/dist/bin/next";
const SOURCES = [
  "app",
  "lib",
  "components",
  "messages",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package.json",
  "prisma/schema.prisma",
  "postcss.config.mjs",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** What a first build takes on a 2-core machine (measured; docs/performance.md). */
const BUILD_MINUTES = "2½–5";

/** The child running now (the build, then the server), so that a signal reaches it. */
let current: ChildProcess | null = null;
let stopping = false;

function stopChild(child: ChildProcess, name: NodeJS.Signals) {
  if (child.exitCode === null && child.signalCode === null) child.kill(name);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    if (!current) process.exit(130);
    const child = current;
    stopChild(child, "SIGTERM");
    // The server closes its connections first; anything still running after that is killed.
    setTimeout(() => stopChild(child, "SIGKILL"), 8000).unref();
  });
}

/** Starts `args` with node, as the child a signal stops. */
function run(args: string[], options: { env: NodeJS.ProcessEnv; stdio: "inherit" | ["ignore", "pipe", "inherit"] }): ChildProcess {
  const child = spawn(process.execPath, args, options);
  current = child;
  return child;
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

function buildIsCurrent(): boolean {
  const id = ".next/BUILD_ID";
  if (!existsSync(id)) return false;
  const built = statSync(id).mtimeMs;
  return SOURCES.every((s) => newestMtime(s) <= built);
}

async function main() {
  try {
    const applied = await migrate(env.DATABASE_URL);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  } catch (error) {
    console.error(`SynAck Lab cannot start: ${error instanceof DatabaseUnavailableError ? error.message : (error as Error).message}`);
    process.exit(1);
  }
  // Imported after migrating: the client needs the tables.
  const { createDb } = await import("../lib/db/client");
  const { seedDemo } = await import("../lib/demo/seed");
  const { syncStarterLibrary } = await import("../lib/demo/starter-library");
  const db = createDb();
  if (await seedDemo(db)) console.log("Seeded the demo course.");
  const added = await syncStarterLibrary(db);
  if (added) console.log(`Loaded ${added} question templates into the demo course's starter library.`);
  const { fillDemoQuizzes } = await import("../lib/demo/demo-quizzes");
  if (await fillDemoQuizzes(db)) console.log("Filled the demo practice quiz and exam with questions.");
  await db.$disconnect();

  if (stopping) process.exit(130);
  if (!buildIsCurrent()) {
    console.log(`Building the app (first start only, or the sources changed; about ${BUILD_MINUTES} min on 2 cores)…`);
    const began = Date.now();
    // Next.js is silent for minutes while it compiles: say that it is still at it.
    const ticker = setInterval(() => {
      const s = Math.round((Date.now() - began) / 1000);
      console.log(`  …still building (${Math.floor(s / 60)} min ${s % 60} s so far)`);
    }, 30_000);
    const build = run([NEXT, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    const code = await exitCode(build);
    clearInterval(ticker);
    current = null;
    if (stopping) process.exit(130);
    if (code !== 0) process.exit(code);
    console.log(`Built in ${Math.round((Date.now() - began) / 1000)} s.`);
  }

  const url = env.APP_URL ?? `http://localhost:${env.PORT}`;
  // scripts/serve.mjs is `next start` plus the socket address for the sign-in limits.
  const server = run(["scripts/serve.mjs"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, PORT: String(env.PORT), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  let announced = false;
  server.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server/i.test(chunk.toString())) {
      announced = true;
      console.log(`\nSynAck Lab is running at ${url} (database: ${provider === "sqlite" ? env.DATABASE_URL : "PostgreSQL"})`);
      console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
      for (const u of DEMO_USERS)
        console.log(`  ${u.email.padEnd(24)} ${u.role ? u.role.toLowerCase() : "site admin"}${u.section ? `, section ${u.section}` : ""}`);
      console.log(`Students can also sign up and join the demo course with code ${DEMO_JOIN_CODE}.\n`);
    }
  });
  const code = await exitCode(server);
  process.exit(stopping ? 0 : code);
}

void main();
