// `npm run db:new-migration -- <name>`: writes a migration for SQLite and for PostgreSQL
// from the change to prisma/schema.prisma since the last migration.
//
// Prisma's `migrate dev` needs a shadow database that fails in JavaScript-engine mode
// (docs/operations.md §6), so the change is computed with `migrate diff` between a snapshot of
// the schema at the last migration (prisma/migrations/schema.snapshot.prisma) and now.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deriveSchemas, postgresSchemaFrom, SQLITE_SCHEMA } from "./prisma-schemas.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name>   (lowercase letters, digits and _)");
  process.exit(2);
}
const SNAPSHOT = "prisma/migrations/schema.snapshot.prisma";
const dirs = { sqlite: "prisma/migrations", postgres: "prisma/postgres/migrations" };
deriveSchemas();

function diff(from, to, config) {
  const args = ["node_modules/prisma/build/index.js", "migrate", "diff", "--config", config];
  args.push(...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]));
  args.push("--to-schema-datamodel", to, "--script");
  return execFileSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

const scratch = join(tmpdir(), `synack-migration-${process.pid}`);
mkdirSync(scratch, { recursive: true });
const had = existsSync(SNAPSHOT);
let sqliteFrom = null;
let postgresFrom = null;
if (had) {
  const snapshot = readFileSync(SNAPSHOT, "utf8");
  sqliteFrom = join(scratch, "from.sqlite.prisma");
  postgresFrom = join(scratch, "from.postgres.prisma");
  writeFileSync(sqliteFrom, snapshot);
  writeFileSync(postgresFrom, postgresSchemaFrom(snapshot));
}
const sql = {
  sqlite: diff(sqliteFrom, SQLITE_SCHEMA, "prisma.config.ts"),
  postgres: diff(postgresFrom, "prisma/postgres/schema.prisma", "prisma.postgres.config.ts"),
};
rmSync(scratch, { recursive: true, force: true });
if (sql.sqlite.includes("This is an empty migration")) {
  console.log("prisma/schema.prisma has not changed since the last migration: nothing to write.");
  process.exit(0);
}
mkdirSync(dirs.sqlite, { recursive: true });
const count = readdirSync(dirs.sqlite).filter((d) => /^\d{4}_/.test(d)).length;
const folder = `${String(count + 1).padStart(4, "0")}_${name}`;
for (const [provider, dir] of Object.entries(dirs)) {
  mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(dir, folder, "migration.sql"), sql[provider]);
  console.log(`wrote ${join(dir, folder, "migration.sql")}`);
}
writeFileSync(SNAPSHOT, readFileSync(SQLITE_SCHEMA, "utf8"));
