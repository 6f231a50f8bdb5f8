import { defineConfig } from "@playwright/test";
import { findChromium } from "./tests/e2e/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);
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
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
    },
  },
  webServer: {
    // A fresh SQLite database for every run; `npm start` migrates and seeds it.
    command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npm start",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { PORT: String(PORT), DATABASE_URL: "file:./data/e2e.db", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
