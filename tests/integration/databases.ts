// Throw-away databases for the integration suite: a new SQLite file, and a new PostgreSQL
// database, dropped afterwards, on the server the global setup chose (tests/support/postgres.ts).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import type { Provider } from "@/lib/env";
import { redacted, testPostgresUrl } from "../support/postgres";

export interface TestDatabase {
  provider: Provider;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function sqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "synack-it-"));
  const url = `file:${join(dir, "test.db")}`;
  await migrate(url);
  const db = createDb(url);
  return {
    provider: "sqlite",
    url,
    db,
    async drop() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Connects to the PostgreSQL server or fails with a message saying what to do. */
async function adminClient(): Promise<pg.Client> {
  const url = testPostgresUrl();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${redacted(url)} (${(error as Error).message}). ` +
        "It is the server this run chose (TEST_POSTGRES_URL): is it still up, and may this user create databases?",
    );
  }
  return client;
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const name = `synack_test_${randomBytes(6).toString("hex")}`;
  const admin = await adminClient();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const db = createDb(url.toString());
  return {
    provider: "postgres",
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect();
      const client = await adminClient();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const DATABASES: [Provider, () => Promise<TestDatabase>][] = [
  ["sqlite", sqliteDatabase],
  ["postgres", postgresDatabase],
];
