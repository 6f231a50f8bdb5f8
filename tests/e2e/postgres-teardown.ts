// Drops the PostgreSQL end-to-end database after the run.
import pg from "pg";

export default async function teardown() {
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS synack_e2e_${process.env.E2E_PG_PORT ?? "3101"} WITH (FORCE)`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
