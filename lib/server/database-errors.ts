// The one place a database failure becomes what the caller is told: a 503 whose message says
// why (busy, out of reach, or unable to write: a read-only file or a full disk), so that
// clients retry and a person knows their work is kept, never a 500 or a stack trace. What
// kind of fault an error is: lib/db/faults.ts; its log line: lib/db/fault-log.ts.
import { msg } from "../i18n/msg";
import { databaseFault } from "../db/faults";
import { reportDatabaseFault } from "../db/fault-log";
import { databaseHealthy } from "../db/health";
import { AppError } from "./errors";

const MESSAGES = {
  busy: msg("errors.database.busy"),
  unreachable: msg("errors.database.unreachable"),
  unwritable: msg("errors.database.unwritable"),
} as const;

/**
 * The AppError (503) for a failure that is the database's, or null when it is not: the error
 * itself says so, or, for a failure that does not, the database no longer answers.
 */
export async function databaseAppError(error: unknown): Promise<AppError | null> {
  const fault = reportDatabaseFault(error, databaseFault(error) ?? ((await databaseHealthy()) ? null : "unreachable"));
  return fault ? new AppError("UNAVAILABLE", MESSAGES[fault]) : null;
}
