// Which failures are the database's: errors as the drivers really throw them, made here by
// doing what causes them (a write to a read-only connection, a database at its size limit, a
// connect to a closed port); PostgreSQL's server-side codes as node-postgres builds them.
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseFault, describeFault } from "@/lib/db/faults";
import { SqlBusyError } from "@/lib/db/sql";

const dir = mkdtempSync(join(tmpdir(), "synack-faults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("databaseFault", () => {
  const path = join(dir, "t.db");
  const writable = new Database(path);
  writable.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)");

  it("a write on a read-only SQLite connection cannot be written", () => {
    const readOnly = new Database(path, { readonly: true });
    const error = thrown(() => readOnly.exec("INSERT INTO t (v) VALUES ('x')"));
    readOnly.close();
    expect(databaseFault(error)).toBe("unwritable");
    expect(describeFault(error)).toMatch(/^SQLITE_READONLY: /);
  });

  it("a SQLite database out of room cannot be written", () => {
    const small = new Database(join(dir, "small.db"));
    small.exec("CREATE TABLE big (b BLOB)");
    small.pragma("max_page_count = 3");
    const error = thrown(() => small.prepare("INSERT INTO big VALUES (randomblob(100000))").run());
    small.close();
    expect(databaseFault(error)).toBe("unwritable");
    expect(describeFault(error)).toMatch(/^SQLITE_FULL: /);
  });

  it("a PostgreSQL server that is down is unreachable", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const client = new pg.Client({ connectionString: `postgresql://u@127.0.0.1:${port}/d`, connectionTimeoutMillis: 2000 });
    const error = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(databaseFault(error)).toBe("unreachable");
  });

  it("PostgreSQL's disk_full and read_only_sql_transaction cannot be written; admin_shutdown is unreachable", () => {
    const serverError = (code: string, message: string) =>
      Object.assign(new pg.DatabaseError(message, 0, "error"), { code, severity: "ERROR" });
    expect(databaseFault(serverError("53100", "could not extend file: No space left on device"))).toBe("unwritable");
    expect(databaseFault(serverError("25006", "cannot execute INSERT in a read-only transaction"))).toBe("unwritable");
    expect(databaseFault(serverError("57P01", "terminating connection due to administrator command"))).toBe("unreachable");
    // Wrapped as Prisma wraps a driver's error (meta.driverAdapterError.cause.originalCode).
    const wrapped = Object.assign(new Error("Raw query failed"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "53100" } } },
    });
    expect(databaseFault(wrapped)).toBe("unwritable");
  });

  it("a busy database is busy; other failures are none of these", () => {
    expect(databaseFault(new SqlBusyError("busy"))).toBe("busy");
    const duplicate = (() => {
      writable.exec("INSERT INTO t (v) VALUES ('same')");
      return thrown(() => writable.exec("INSERT INTO t (v) VALUES ('same')"));
    })();
    expect(databaseFault(duplicate)).toBeNull();
    expect(databaseFault(new TypeError("x is undefined"))).toBeNull();
    expect(databaseFault(null)).toBeNull();
  });
});
