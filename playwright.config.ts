import { defineConfig } from "@playwright/test";
import { findChromium } from "./tests/e2e/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 3101);
const executablePath = findChromium();

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
    },
  },
  projects: [
    // Every flow on the default, SQLite.
    { name: "sqlite", testIgnore: /postgres\//, use: { baseURL: `http://localhost:${PORT}` } },
    // The core flows again on PostgreSQL, in a real browser.
    { name: "postgres", testMatch: /postgres\/.*\.spec\.ts/, use: { baseURL: `http://localhost:${PG_PORT}` } },
  ],
  webServer: [
    {
      // A fresh SQLite database for every run; `npm start` migrates and seeds it.
      command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npm start",
      url: `http://localhost:${PORT}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: { PORT: String(PORT), DATABASE_URL: "file:./data/e2e.db", NEXT_TELEMETRY_DISABLED: "1" },
    },
    {
      // On the PostgreSQL server chosen for the run (tests/support/postgres.ts). `exec`, so that the
      // SIGTERM reaches the script itself, which then drops its database and stops what it started.
      command: "exec node tests/e2e/postgres-server.mjs",
      url: `http://localhost:${PG_PORT}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
      env: { E2E_PORT: String(PORT), E2E_PG_PORT: String(PG_PORT) },
    },
  ],
});
