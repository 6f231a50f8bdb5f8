// The hot paths' SQL runner (lib/db/sql.ts) against a real SQLite file and a real PostgreSQL
// database: it must agree with Prisma on every value it writes or reads, keep batches atomic,
// and never let a statement slip into a transaction Prisma has open on the same connection.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { sqlOf } from "@/lib/db/client";
import { SqlBusyError, SqliteSql } from "@/lib/db/sql";
import { DATABASES, type TestDatabase } from "./databases";

describe.each(DATABASES)("%s", (provider, open) => {
  let t: TestDatabase;
  let courseId = "";

  beforeAll(async () => {
    t = await open();
    const creator = await t.db.user.create({ data: { id: randomUUID(), name: "Creator", email: `creator-${randomUUID()}@example.edu` } });
    courseId = (
      await t.db.course.create({ data: { code: "NET 1", title: "Nets", joinCode: randomUUID().slice(0, 8), createdById: creator.id } })
    ).id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const insertAudit = (id: string, at: Date, detail: string | null = null) => ({
    text: `INSERT INTO "AuditLog" ("id", "at", "actorId", "courseId", "action", "target", "detail") VALUES ($1, $2, NULL, $3, 'test', NULL, $4)`,
    params: [id, at, courseId, detail],
  });

  it("writes dates that Prisma reads back to the millisecond, and reads Prisma's dates as Date", async () => {
    const at = new Date("2026-03-08T01:59:59.123Z"); // a daylight-saving edge in many zones
    const id = randomUUID();
    const s = insertAudit(id, at);
    expect(await sqlOf(t.db).run(s.text, s.params)).toBe(1);
    expect((await t.db.auditLog.findUniqueOrThrow({ where: { id } })).at.toISOString()).toBe(at.toISOString());

    const viaPrisma = await t.db.auditLog.create({ data: { action: "test", at: new Date("2026-11-01T06:30:00.007Z") } });
    const [row] = await sqlOf(t.db).all<{ at: Date }>(`SELECT "at" AS "at" FROM "AuditLog" WHERE "id" = $1`, [viaPrisma.id]);
    expect(row.at).toBeInstanceOf(Date);
    expect(row.at.toISOString()).toBe("2026-11-01T06:30:00.007Z");
  });

  it("compares its dates with Prisma's in SQL (same stored form on both sides)", async () => {
    const base = Date.parse("2026-05-01T12:00:00.000Z");
    const ids = [randomUUID(), randomUUID()];
    await t.db.auditLog.create({ data: { id: ids[0], action: "cmp", at: new Date(base - 1) } });
    const s = insertAudit(ids[1], new Date(base + 1));
    await sqlOf(t.db).run(s.text, s.params);
    const before = await sqlOf(t.db).all<{ id: string }>(`SELECT "id" FROM "AuditLog" WHERE "id" IN ($1, $2) AND "at" < $3`, [
      ...ids,
      new Date(base),
    ]);
    expect(before.map((r) => r.id)).toEqual([ids[0]]);
    const after = await t.db.auditLog.findMany({ where: { id: { in: ids }, at: { gt: new Date(base) } } });
    expect(after.map((r) => r.id)).toEqual([ids[1]]);
  });

  it("returns booleans as booleans, integers as numbers and keeps NULL", async () => {
    const quiz = await t.db.quiz.create({ data: { courseId, title: "Q", mode: "EXAM", published: true, timeLimitSec: 1200 } });
    const [row] = await sqlOf(t.db).all<Record<string, unknown>>(
      `SELECT "published" AS "published", "timeLimitSec" AS "timeLimitSec", "attemptsAllowed" AS "attemptsAllowed", "opensAt" AS "opensAt",
              (SELECT COUNT(*) FROM "Quiz" WHERE "courseId" = $1) AS "n"
       FROM "Quiz" WHERE "id" = $2`,
      [courseId, quiz.id],
    );
    expect(row).toEqual({ published: true, timeLimitSec: 1200, attemptsAllowed: null, opensAt: null, n: 1 });
  });

  it("binds $n placeholders by number, reused and out of order", async () => {
    const rows = await sqlOf(t.db).all<{ a: string; b: string; c: string }>(`SELECT $2 AS "a", $1 AS "b", $2 AS "c"`, ["one", "two"]);
    expect(rows).toEqual([{ a: "two", b: "one", c: "two" }]);
    await expect(sqlOf(t.db).all(`SELECT $1 AS "a", $2 AS "b"`, ["only one"])).rejects.toThrow();
  });

  it("applies a batch entirely or not at all", async () => {
    const kept = randomUUID();
    const first = insertAudit(kept, new Date());
    expect(await sqlOf(t.db).batch([first])).toEqual([1]);

    const fresh = randomUUID();
    // The second statement repeats a primary key: the whole batch, the first insert included, is undone.
    await expect(sqlOf(t.db).batch([insertAudit(fresh, new Date()), insertAudit(kept, new Date())])).rejects.toThrow();
    expect(await t.db.auditLog.findUnique({ where: { id: fresh } })).toBeNull();
    expect(await t.db.auditLog.count({ where: { id: kept } })).toBe(1);
  });

  it("never runs inside a transaction Prisma holds open: a rolled-back transaction does not take its write along", async () => {
    const inTransaction = randomUUID();
    const outside = randomUUID();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const open = new Promise<void>((resolve) => (entered = resolve));
    const transaction = t.db
      .$transaction(async (tx) => {
        await tx.auditLog.create({ data: { id: inTransaction, action: "tx" } });
        entered();
        await held;
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    await open;
    const s = insertAudit(outside, new Date());
    let written = false;
    const write = sqlOf(t.db)
      .run(s.text, s.params)
      .then((n) => {
        written = true;
        return n;
      });
    await new Promise((r) => setTimeout(r, 50));
    if (provider === "sqlite") expect(written).toBe(false); // one connection: it waits for the transaction to end
    release();
    expect(await transaction).toBe("roll back");
    expect(await write).toBe(1);
    expect(await t.db.auditLog.findUnique({ where: { id: inTransaction } })).toBeNull();
    expect(await t.db.auditLog.findUnique({ where: { id: outside } })).not.toBeNull();
  });
});

describe("postgres in another time zone", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await DATABASES[1][1]();
    // Connections opened from now on run in UTC+13 (or +14 in summer).
    await t.db.$executeRawUnsafe(`ALTER DATABASE "${new URL(t.url).pathname.slice(1)}" SET timezone TO 'Pacific/Auckland'`);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("stores and reads the same instant as Prisma", async () => {
    // Fresh connections pick up the zone; the pool opens more for concurrent queries.
    const sql = sqlOf(t.db);
    const zones = await Promise.all(
      Array.from({ length: 4 }, () => sql.all<{ zone: string }>(`SELECT current_setting('TimeZone') AS "zone"`)),
    );
    expect(zones.some(([z]) => z.zone === "Pacific/Auckland")).toBe(true);
    const at = new Date("2026-07-01T23:30:00.250Z");
    await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const id = `tz-${i}`;
        await sql.run(`INSERT INTO "AuditLog" ("id", "at", "action") VALUES ($1, $2, 'tz')`, [id, at]);
        expect((await t.db.auditLog.findUniqueOrThrow({ where: { id } })).at.toISOString()).toBe(at.toISOString());
        const [row] = await sql.all<{ at: Date }>(`SELECT "at" AS "at" FROM "AuditLog" WHERE "id" = $1`, [id]);
        expect(row.at.toISOString()).toBe(at.toISOString());
      }),
    );
  });
});

describe("sqlite: a transaction that never ends", () => {
  it("gives up with SqlBusyError (a 503 for the caller) instead of running inside it or waiting forever", async () => {
    const connection = new Database(":memory:");
    connection.exec(`CREATE TABLE "t" ("x" INTEGER)`);
    connection.exec("BEGIN"); // as a Prisma interactive transaction leaves it between its statements
    const sql = new SqliteSql(async () => connection, 100);
    const started = Date.now();
    await expect(sql.run(`INSERT INTO "t" ("x") VALUES ($1)`, [1])).rejects.toBeInstanceOf(SqlBusyError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    connection.exec("ROLLBACK");
    expect(await sql.run(`INSERT INTO "t" ("x") VALUES ($1)`, [2])).toBe(1);
    expect(await sql.all<{ x: number }>(`SELECT "x" FROM "t"`)).toEqual([{ x: 2 }]);
    connection.close();
  });
});
