// Prisma CLI configuration for the SQLite schema (the source of truth). The JavaScript
// engine with a driver adapter makes `prisma generate` and `prisma migrate diff` work
// offline (docs/operations.md §7); the app applies migrations itself (lib/db/migrate.ts).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaBetterSQLite3({ url: ":memory:" });
  },
});
