import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Server-only modules (lib/attempts, lib/quizzes, ...) import "server-only", which throws
// outside Next's server build; the tests run them as the server does.
const serverOnly = { "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) };

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        resolve: { tsconfigPaths: true, alias: serverOnly },
        // Speed budgets live in tests/bench, not here: the timeout only catches a hang, so a
        // property test on a busy 2-core machine is not failed for being slow.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"], environment: "node", testTimeout: 60_000 },
      },
      {
        resolve: { tsconfigPaths: true, alias: serverOnly },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // TEST_POSTGRES_URL, or the machine's server, or an embedded one started for the run.
          globalSetup: ["tests/integration/postgres-setup.ts"],
          // Files share the machine's 2 cores and one PostgreSQL server.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
