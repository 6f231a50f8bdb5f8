// The one database client (create-t3-app's pattern): SQLite or PostgreSQL by DATABASE_URL,
// through Prisma's driver adapters, kept on globalThis so dev reloads reuse it. Beside each
// client, on the same connection or pool, a runner for the hot paths' hand-written SQL
// (lib/db/sql.ts): `sqlOf(db)`.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { env, provider } from "../env";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PostgresSql, SqliteSql, type Sql } from "./sql";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePath } from "./sqlite-file";

/**
 * Both generated clients have the same models and methods (they come from one schema);
 * the app is typed against the SQLite one.
 */
export type Db = SqliteClient;

/**
 * Prisma's SQLite adapter, remembering the connection it opens. SQLite allows one writer at a
 * time, and better-sqlite3 waits for a lock synchronously (blocking the event loop, so the
 * holder could never finish): the hand-written SQL must use this very connection, not a
 * second one. The adapter keeps it as `client` (pinned version; tests/integration/sql.test.ts
 * fails if that changes).
 */
class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  connection: BetterSqlite3.Database | null = null;

  override async connect() {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
    if (!connection || typeof connection.prepare !== "function")
      throw new Error("Prisma's SQLite adapter no longer exposes its connection; see lib/db/client.ts");
    this.connection = connection;
    return adapter;
  }
}

// Per process, not per module: Next.js bundles this module more than once (the routes, the
// instrumentation hook), and a client made by one copy is used through another's sqlOf.
const sqlRunners = ((globalThis as unknown as { synackSqlRunners?: WeakMap<object, Sql> }).synackSqlRunners ??= new WeakMap<object, Sql>());

export function createDb(url: string = env.DATABASE_URL): Db {
  if (url.startsWith("file:")) {
    // WAL is set by the migrator (it persists in the file); foreign keys are on in
    // better-sqlite3 by default; `timeout` is SQLite's busy timeout.
    const factory = new SqliteAdapterFactory({ url: sqlitePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS });
    const client = new SqliteClient({ adapter: factory });
    sqlRunners.set(
      client,
      new SqliteSql(async () => {
        if (!factory.connection?.open) await client.$connect();
        return factory.connection!;
      }),
    );
    return client;
  }
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3000 });
  // An idle connection that breaks (the server restarted) must not crash the process; the
  // next query reports it, and the routes answer 503 until the database is back.
  pool.on("error", () => undefined);
  const client = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
  sqlRunners.set(client, new PostgresSql(pool));
  return client;
}

/** The hand-written-SQL runner on `db`'s own connection (SQLite) or pool (PostgreSQL). */
export function sqlOf(db: Db): Sql {
  const sql = sqlRunners.get(db);
  if (!sql) throw new Error("sqlOf: this client was not made by createDb");
  return sql;
}

const globalForDb = globalThis as unknown as { synackDb?: Db };
export const db: Db = globalForDb.synackDb ?? createDb();
if (env.NODE_ENV !== "production") globalForDb.synackDb = db;

export { provider };
