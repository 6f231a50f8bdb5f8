// Applies the committed migrations (prisma/migrations for SQLite, prisma/postgres/migrations
// for PostgreSQL) in name order, each in a transaction, recording them in _synack_migrations.
// Prisma's own `migrate deploy` fails on PostgreSQL in JavaScript-engine mode ("Column type 'name' could not be deserialized": an open upstream bug; docs/operations.md),
// so the app runs its migrations itself, at start and from `npm run db:migrate`.
import Database from "better-sqlite3";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePath } from "./sqlite-file";

export interface Migration {
  name: string;
  sql: string;
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

export function migrationsFor(url: string, root = process.cwd()): Migration[] {
  const dir = resolve(root, url.startsWith("file:") ? "prisma/migrations" : "prisma/postgres/migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}_/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, "migration.sql"), "utf8") }));
}

const TABLE = `CREATE TABLE IF NOT EXISTS "_synack_migrations" ("name" TEXT PRIMARY KEY, "applied_at" TEXT NOT NULL)`;

/** Applies pending migrations; returns the names applied now. Safe to run from several processes at once. */
export async function migrate(url: string, migrations: Migration[] = migrationsFor(url)): Promise<string[]> {
  return url.startsWith("file:") ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const sqlite = new Database(sqlitePath(url), { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // WAL survives a crash mid-write and lets readers run beside the writer; it persists in the file.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.exec(TABLE);
    const applied: string[] = [];
    // IMMEDIATE takes the write lock first, so two starting processes cannot both apply one migration.
    sqlite
      .transaction(() => {
        const done = new Set(sqlite.prepare(`SELECT name FROM _synack_migrations`).pluck().all() as string[]);
        for (const m of migrations) {
          if (done.has(m.name)) continue;
          sqlite.exec(m.sql);
          sqlite.prepare(`INSERT INTO _synack_migrations (name, applied_at) VALUES (?, ?)`).run(m.name, new Date().toISOString());
          applied.push(m.name);
        }
      })
      .immediate();
    return applied;
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnavailableError(describeConnectError(url, error));
  }
  try {
    // One instance migrates at a time; the others wait here and then find nothing to do.
    await client.query(`SELECT pg_advisory_lock(727072)`);
    await client.query(TABLE);
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM _synack_migrations`);
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO _synack_migrations (name, applied_at) VALUES ($1, $2)`, [m.name, new Date().toISOString()]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
    await client.query(`SELECT pg_advisory_unlock(727072)`);
    return applied;
  } finally {
    await client.end();
  }
}

/** One line naming the server and the reason, without the password. */
export function describeConnectError(url: string, error: unknown): string {
  let where = "PostgreSQL";
  try {
    const u = new URL(url);
    where = `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    // keep the generic name
  }
  const e = error as { code?: string; message?: string };
  const reason = e.code === "ECONNREFUSED" ? "connection refused — is the server running?" : (e.code ?? e.message ?? String(error));
  return `cannot reach ${where}: ${reason}`;
}
