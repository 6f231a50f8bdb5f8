// `npm run db:migrate`: applies pending migrations to DATABASE_URL (SQLite by default).
import { env } from "../lib/env";
import { DatabaseUnavailableError, migrate } from "../lib/db/migrate";

try {
  const applied = await migrate(env.DATABASE_URL);
  console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
} catch (error) {
  console.error(`SynAck Lab: ${error instanceof DatabaseUnavailableError ? error.message : (error as Error).message}`);
  process.exit(1);
}
