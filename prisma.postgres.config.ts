// Prisma CLI configuration for the derived PostgreSQL schema (see prisma.config.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/postgres/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    // Used only by CLI commands that need a database; generate and diff do not connect.
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
  },
});
