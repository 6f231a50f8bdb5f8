// One Prisma schema is the source of truth: prisma/schema.prisma (SQLite).
// The PostgreSQL variant is derived from it here, never edited by hand.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

export function postgresSchemaFrom(source) {
  const out = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost:5432/synack"')
    .replace(/output(\s*)=\s*"\.\.\/lib\/db\/generated\/sqlite"/, 'output$1= "../../lib/db/generated/postgres"');
  if (out === source || !out.includes('"postgresql"') || !out.includes("generated/postgres")) {
    throw new Error("prisma-schemas: could not derive the PostgreSQL schema (datasource or generator block changed?)");
  }
  return "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs. Do not edit.\n" + out;
}

export function deriveSchemas() {
  const source = readFileSync(SQLITE_SCHEMA, "utf8");
  mkdirSync("prisma/postgres", { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(source));
  return { sqlite: SQLITE_SCHEMA, postgres: POSTGRES_SCHEMA };
}
