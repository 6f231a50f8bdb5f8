// The end-to-end tests' second server: the same app on PostgreSQL. Takes the PostgreSQL server
// chosen for the run (tests/support/postgres.ts: under `npm test` the choice is inherited, run
// alone it is made here), creates a fresh database, migrates and seeds it, waits for the SQLite
// server to be up (so the build is finished), then serves the build on E2E_PG_PORT.
// Playwright ends it with SIGTERM (gracefulShutdown in playwright.config.ts); it then stops the
// app, drops the database and stops the embedded PostgreSQL if it started one.
import { spawn } from "node:child_process";
import pg from "pg";
import { tsImport } from "tsx/esm/api";

const { providePostgres, redacted } = await tsImport("../support/postgres.ts", import.meta.url);

// Named by port, so two checkouts can run their end-to-end suites side by side.
const port = process.env.E2E_PG_PORT ?? "3101";
const name = `synack_e2e_${port}`;
const sqlitePort = process.env.E2E_PORT ?? "3100";

/** The child running now (migration, seed or the app), to pass a stop signal on to. */
let current = null;
let postgres = null;
let admin = null;
let finishing = null;

async function dropDatabase() {
  // An embedded server is thrown away whole; a shared one keeps nothing of this run.
  if (!admin || postgres?.source === "embedded") return;
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (error) {
    console.error(`Could not drop the end-to-end database ${name}: ${error.message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function finish(code) {
  finishing ??= (async () => {
    if (current && current.exitCode === null && current.signalCode === null) {
      const exited = new Promise((resolve) => current.once("exit", resolve));
      current.kill("SIGTERM");
      await exited;
    }
    await dropDatabase();
    await postgres?.stop();
    process.exit(code);
  })();
  return finishing;
}
for (const [signal, number] of [
  ["SIGINT", 2],
  ["SIGTERM", 15],
]) {
  process.on(signal, () => void finish(128 + number));
}

/** Runs a child to its end; the exit code. */
async function run(args, options) {
  if (finishing) await finishing; // never returns: finish() exits
  current = spawn(process.execPath, args, options);
  return new Promise((resolve) => current.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

const inherited = Boolean(process.env.TEST_POSTGRES_URL?.trim());
try {
  postgres = await providePostgres();
} catch (error) {
  console.error(`The PostgreSQL end-to-end tests have no PostgreSQL server: ${error.message}`);
  process.exit(1);
}
if (!inherited) console.error(postgres.description);
admin = postgres.url;

const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
} catch (error) {
  console.error(`The PostgreSQL end-to-end tests need a server at ${redacted(admin)} where databases may be created (${error.message}).`);
  await finish(1);
} finally {
  await client.end().catch(() => undefined);
}

const url = new URL(admin);
url.pathname = `/${name}`;
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  AUTH_SECRET: "e2e-postgres-secret-0123456789abcdef0123",
  PORT: port,
  NEXT_TELEMETRY_DISABLED: "1",
};
for (const script of ["scripts/db-migrate.ts", "scripts/db-seed.ts"]) {
  const code = await run(["node_modules/tsx/dist/cli.mjs", script], { env, stdio: "inherit" });
  if (code !== 0) await finish(code);
}
for (let i = 0; i < 600 && !finishing; i++) {
  try {
    if ((await fetch(`http://localhost:${sqlitePort}/api/health`)).ok) break;
  } catch {
    // the first server is still building or starting
  }
  await new Promise((r) => setTimeout(r, 500));
}
if (!finishing) {
  const code = await run(["node_modules/next/dist/bin/next", "start", "-p", port], {
    env: { ...env, NODE_ENV: "production" },
    stdio: "inherit",
  });
  await finish(code);
}
