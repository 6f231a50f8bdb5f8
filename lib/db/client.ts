// The one database client (create-t3-app's pattern): SQLite or PostgreSQL by DATABASE_URL,
// through Prisma's driver adapters, kept on globalThis so dev reloads reuse it.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env, provider } from "../env";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePath } from "./sqlite-file";

/**
 * Both generated clients have the same models and methods (they come from one schema);
 * the app is typed against the SQLite one.
 */
export type Db = SqliteClient;

export function createDb(url: string = env.DATABASE_URL): Db {
  if (url.startsWith("file:")) {
    // WAL is set by the migrator (it persists in the file); foreign keys are on in
    // better-sqlite3 by default; `timeout` is SQLite's busy timeout.
    return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 3000 });
  return new PostgresClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { synackDb?: Db };
export const db: Db = globalForDb.synackDb ?? createDb();
if (env.NODE_ENV !== "production") globalForDb.synackDb = db;

export { provider };
