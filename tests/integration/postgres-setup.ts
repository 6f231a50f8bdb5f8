// The integration suite's global setup: choose the PostgreSQL server (tests/support/postgres.ts)
// before any test file runs. Under `npm test` the choice is already made and inherited.
import { providePostgres } from "../support/postgres";

export default async function setup() {
  const inherited = Boolean(process.env.TEST_POSTGRES_URL?.trim());
  const postgres = await providePostgres();
  if (!inherited) console.log(postgres.description);
  return () => postgres.stop();
}
