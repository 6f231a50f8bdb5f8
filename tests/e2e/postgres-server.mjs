// The end-to-end tests' second server: the same app on PostgreSQL. Creates a fresh database
// (dropped again by tests/e2e/postgres-teardown.ts), migrates and seeds it, waits for the
// SQLite server to be up (so the build is finished), then serves the build on E2E_PG_PORT.
import { spawn, spawnSync } from "node:child_process";
import pg from "pg";

const admin = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// Named by port, so two checkouts can run their end-to-end suites side by side.
const name = `synack_e2e_${process.env.E2E_PG_PORT ?? "3101"}`;
const port = process.env.E2E_PG_PORT ?? "3101";
const sqlitePort = process.env.E2E_PORT ?? "3100";

const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
} catch (error) {
  console.error(`The PostgreSQL end-to-end tests need a server at ${admin} (${error.message}). Start PostgreSQL or set TEST_POSTGRES_URL.`);
  process.exit(1);
}
await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await client.query(`CREATE DATABASE ${name}`);
await client.end();

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
  const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script], { env, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
for (let i = 0; i < 600; i++) {
  try {
    if ((await fetch(`http://localhost:${sqlitePort}/api/health`)).ok) break;
  } catch {
    // the first server is still building or starting
  }
  await new Promise((r) => setTimeout(r, 500));
}
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], {
  env: { ...env, NODE_ENV: "production" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
