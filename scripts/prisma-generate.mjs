// Runs after `npm install`: derives the PostgreSQL schema from the one source schema
// (prisma/schema.prisma, SQLite) and generates a Prisma client for each provider.
// Prisma 6.19's JavaScript engine downloads nothing, which is why the generator uses
// engineType = "client" (docs/operations.md §7).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { deriveSchemas } from "./prisma-schemas.mjs";

if (!existsSync("prisma/schema.prisma")) {
  console.log("prisma-generate: no prisma/schema.prisma yet, skipping");
  process.exit(0);
}
const { sqlite, postgres } = deriveSchemas();
for (const [schema, config] of [
  [sqlite, "prisma.config.ts"],
  [postgres, "prisma.postgres.config.ts"],
]) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", schema, "--config", config], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
