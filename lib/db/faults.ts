// What kind of database failure an error is, from the error alone: the database busy, out of
// reach, or unable to write (a read-only file or database, a full disk). The errors come as
// the drivers throw them (better-sqlite3, node-postgres) or wrapped by Prisma; the answer the
// caller gets is made from this in lib/server/database-errors.ts.
import { SqlBusyError } from "./sql";

export type DatabaseFault = "busy" | "unreachable" | "unwritable";

// SQLite's primary result codes (better-sqlite3 gives the extended one, e.g. SQLITE_READONLY_DBMOVED,
// SQLITE_IOERR_WRITE); PostgreSQL's SQLSTATEs: 53100 disk_full, 25006 read_only_sql_transaction
// (a standby, or default_transaction_read_only), 53xxx insufficient resources, 58030 io_error.
const UNWRITABLE_SQLITE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN)/;
const UNWRITABLE_PG = new Set(["53100", "25006", "58030"]);
// Class 08 connection exceptions; 57P01-57P03 the server shutting down or starting up;
// Node's socket errors; Prisma's "can't reach" and "connection closed".
const UNREACHABLE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "P1001",
  "P1017",
]);
// node-postgres says these without a code: a connection the server closed, and a pool that
// could not connect within connectionTimeoutMillis.
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i;
const BUSY_CODES = new Set(["SQLITE_BUSY", "SQLITE_LOCKED", "P1008", "55P03"]);

/** Codes on the error and on what it wraps: pg and better-sqlite3 errors as thrown, or inside Prisma's. */
function codesOf(error: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== "object" || seen.has(e) || depth > 5) return;
    seen.add(e);
    const o = e as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof o.code === "string") codes.push(o.code);
    if (typeof o.originalCode === "string") codes.push(o.originalCode);
    if (typeof o.message === "string") messages.push(o.message);
    visit(o.cause, depth + 1);
    visit(o.meta?.driverAdapterError, depth + 1);
    // AggregateError: a connect to "localhost" tries ::1 and 127.0.0.1.
    if (Array.isArray((e as { errors?: unknown }).errors)) for (const inner of (e as { errors: unknown[] }).errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return { codes, messages };
}

/** What kind of database fault `error` is, from the error alone; null when it is none of them. */
export function databaseFault(error: unknown): DatabaseFault | null {
  if (error instanceof SqlBusyError) return "busy";
  const { codes, messages } = codesOf(error);
  if (codes.some((c) => UNWRITABLE_SQLITE.test(c) || UNWRITABLE_PG.has(c))) return "unwritable";
  if (codes.some((c) => UNREACHABLE_CODES.has(c) || /^08/.test(c)) || messages.some((m) => UNREACHABLE_MESSAGE.test(m)))
    return "unreachable";
  if (codes.some((c) => BUSY_CODES.has(c))) return "busy";
  return null;
}

/** The driver's code and the last line of its message ("SQLITE_FULL: database or disk is full"), for the log. */
export function describeFault(error: unknown): string {
  const { codes, messages } = codesOf(error);
  const last = messages
    .map((m) =>
      m
        .split("\n")
        .filter((line) => line.trim())
        .pop(),
    )
    .pop();
  return [codes[codes.length - 1], last?.trim()].filter(Boolean).join(": ") || "no detail";
}
