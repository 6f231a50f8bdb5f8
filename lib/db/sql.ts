// Hand-written SQL for the request paths every student hits (the session check, answer saves,
// starting and submitting attempts). Prisma 6's JavaScript engine compiles each call to a
// query plan in WebAssembly and interprets it: about 0.5 ms of CPU per statement on these
// machines, which under a class-sized burst (200 exam starts in three seconds) was most of
// the server's time and the cause of the save latency tail (README, "Benchmarks"). Here a
// statement is prepared once and reused, on the same connection (SQLite) or pool
// (PostgreSQL) that Prisma uses, so both see one database and one set of locks.
//
// The dialect is the common part of SQLite and PostgreSQL: double-quoted identifiers, `$1`
// placeholders (never inside string literals), `CAST(x AS DOUBLE PRECISION)`, and
// `INSERT … ON CONFLICT`. Rows come back alike from both: DateTime columns as Date, Boolean
// columns as boolean, integers as number. Prepared statements are kept for the life of the
// connection without a bound: the texts are few (they vary only with a quiz's number of items).
//
// Statements live only in the queries modules (lib/<domain>/queries.ts), each a named function
// whose row type is picked from the generated Prisma models, and whose select list is built by
// `selectList` from names checked against the same model: a renamed column fails the
// type-check, not a request (docs/data-access.md).
import { setImmediate as nextTurn } from "node:timers/promises";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { Provider } from "../env";

export type SqlValue = string | number | boolean | Date | null;
export type SqlStatement = { text: string; params?: readonly SqlValue[] };

export interface Sql {
  readonly provider: Provider;
  /** The rows of a query. */
  all<T>(text: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; the number of rows it changed. */
  run(text: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs statements in order in one transaction: all of them or none. Rows changed by each. */
  batch(statements: readonly SqlStatement[]): Promise<number[]>;
}

/**
 * `a."id" AS "id", a."status" AS "status"`: the select list of `names` from the table aliased
 * `alias`, each name checked against the model `M`. `selectList<Attempt>("a")("id", "status")`.
 */
export function selectList<M>(alias: string) {
  return <K extends keyof M & string>(...names: K[]): string => names.map((n) => `${alias}."${n}" AS "${n}"`).join(", ");
}

/** Thrown when the database cannot take a statement in time; callers answer 503. */
export class SqlBusyError extends Error {}

// ---------------------------------------------------------------- SQLite

type Prepared = {
  statement: BetterSqlite3.Statement;
  /** For each `?` in the SQLite text, which `$n` it was (0-based). */
  order: number[];
  dates: string[];
  booleans: string[];
};

/** `$1 … $n` to SQLite's anonymous `?`, with the parameter each one takes. */
function toSqlitePlaceholders(text: string): { text: string; order: number[] } {
  const order: number[] = [];
  const converted = text.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return "?";
  });
  return { text: converted, order };
}

/** Prisma's SQLite adapter stores DateTime as ISO 8601 with "+00:00"; so do we, so they compare as text. */
function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function sqliteValue(value: SqlValue): string | number | null {
  if (value instanceof Date) return sqliteDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** How long a statement waits for a transaction Prisma has open on the shared connection. */
const FOREIGN_TRANSACTION_WAIT_MS = 5000;

export class SqliteSql implements Sql {
  readonly provider = "sqlite" as const;
  #connection: BetterSqlite3.Database | null = null;
  #prepared = new Map<string, Prepared>();

  /** `connect` gives the connection Prisma's driver adapter opened (see lib/db/client.ts). */
  constructor(
    private readonly connect: () => Promise<BetterSqlite3.Database>,
    private readonly foreignTransactionWaitMs = FOREIGN_TRANSACTION_WAIT_MS,
  ) {}

  async all<T>(text: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const connection = await this.#ready();
    const prepared = this.#prepare(connection, text);
    const rows = prepared.statement.all(...bind(prepared, params)) as Record<string, unknown>[];
    if (prepared.dates.length || prepared.booleans.length) for (const row of rows) typeRow(prepared, row);
    return rows as T[];
  }

  async run(text: string, params: readonly SqlValue[] = []): Promise<number> {
    const connection = await this.#ready();
    const prepared = this.#prepare(connection, text);
    return prepared.statement.run(...bind(prepared, params)).changes;
  }

  async batch(statements: readonly SqlStatement[]): Promise<number[]> {
    const connection = await this.#ready();
    const prepared = statements.map((s) => [this.#prepare(connection, s.text), s.params ?? []] as const);
    // Synchronous from BEGIN to COMMIT: no other request's statement can run inside it.
    return connection.transaction(() => prepared.map(([p, params]) => p.statement.run(...bind(p, params)).changes)).immediate();
  }

  /**
   * The connection, once no transaction is open on it. Prisma's interactive transactions
   * hold BEGIN across awaits on this same connection; a statement run then would become part
   * of that transaction (and be lost if it rolls back), so it waits for the COMMIT instead.
   */
  async #ready(): Promise<BetterSqlite3.Database> {
    let connection = this.#connection;
    if (!connection?.open) {
      connection = this.#connection = await this.connect();
      this.#prepared.clear();
    }
    if (connection.inTransaction) {
      const deadline = Date.now() + this.foreignTransactionWaitMs;
      while (connection.inTransaction) {
        if (Date.now() > deadline) throw new SqlBusyError("The database stayed busy; try again.");
        await nextTurn();
      }
    }
    return connection;
  }

  #prepare(connection: BetterSqlite3.Database, text: string): Prepared {
    let prepared = this.#prepared.get(text);
    if (!prepared) {
      const converted = toSqlitePlaceholders(text);
      const statement = connection.prepare(converted.text);
      // Prisma's adapter turns on 64-bit integers for the connection; our counts fit in a number.
      statement.safeIntegers(false);
      const columns = statement.reader ? statement.columns() : [];
      prepared = {
        statement,
        order: converted.order,
        dates: columns.filter((c) => c.type?.toUpperCase() === "DATETIME").map((c) => c.name),
        booleans: columns.filter((c) => c.type?.toUpperCase() === "BOOLEAN").map((c) => c.name),
      };
      this.#prepared.set(text, prepared);
    }
    return prepared;
  }
}

function bind(prepared: Prepared, params: readonly SqlValue[]): (string | number | null)[] {
  return prepared.order.map((i) => {
    if (i >= params.length) throw new Error(`SQL parameter $${i + 1} has no value`);
    return sqliteValue(params[i]);
  });
}

function typeRow(prepared: Prepared, row: Record<string, unknown>): void {
  for (const name of prepared.dates) {
    const value = row[name];
    if (value !== null && value !== undefined) row[name] = new Date(value as string | number);
  }
  for (const name of prepared.booleans) {
    const value = row[name];
    if (value !== null && value !== undefined) row[name] = value === 1 || value === 1n || value === true;
  }
}

// ---------------------------------------------------------------- PostgreSQL

const TIMESTAMP_OID = 1114; // timestamp without time zone: Prisma's DateTime, always UTC
const INT8_OID = 20; // count(*)

const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? "text");
  },
};

function pgValue(value: SqlValue): string | number | boolean | null {
  // A "Z" in a timestamp-without-time-zone literal is ignored, so the UTC value is stored,
  // as Prisma stores it, whatever the server's time zone.
  return value instanceof Date ? value.toISOString() : value;
}

export class PostgresSql implements Sql {
  readonly provider = "postgres" as const;
  #names = new Map<string, string>();

  constructor(private readonly pool: pg.Pool) {}

  async all<T>(text: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.pool.query(this.#config(text, params))).rows as T[];
  }

  async run(text: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.pool.query(this.#config(text, params))).rowCount ?? 0;
  }

  async batch(statements: readonly SqlStatement[]): Promise<number[]> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const changed: number[] = [];
      for (const s of statements) changed.push((await client.query(this.#config(s.text, s.params ?? []))).rowCount ?? 0);
      await client.query("COMMIT");
      return changed;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A named query, so each pooled connection prepares the statement once. */
  #config(text: string, params: readonly SqlValue[]): pg.QueryConfig {
    let name = this.#names.get(text);
    if (!name) {
      name = `synack_${this.#names.size + 1}`;
      this.#names.set(text, name);
    }
    return { name, text, values: params.map(pgValue), types: pgTypes };
  }
}
