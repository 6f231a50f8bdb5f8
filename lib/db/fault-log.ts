// A database fault reported where an operator looks: one line naming the cause, once per fault
// and then at most once a minute while it lasts (a class's autosaves would flood the log);
// and, for a database out of reach, the health check told at once (lib/db/health.ts).
import { databaseFault, describeFault, type DatabaseFault } from "./faults";
import { noteUnreachable } from "./health";

const LOG_EVERY_MS = 60_000;
// Per process, not per module: Next.js bundles this module more than once (routes, pages, actions).
const logged = ((globalThis as unknown as { synackFaultLog?: Map<DatabaseFault, { at: number; since: number }> }).synackFaultLog ??=
  new Map());

/** One line naming the cause: the driver's code and message, not the stack (it says nothing an operator can act on). */
function logFault(fault: DatabaseFault, error: unknown, now = Date.now()): void {
  if (fault === "busy") return; // a moment's contention, reported to the caller, is not an operator's problem
  const last = logged.get(fault);
  if (last && now - last.at < LOG_EVERY_MS) {
    last.since++;
    return;
  }
  const cause = describeFault(error);
  const what =
    fault === "unwritable"
      ? "the database cannot be written (read-only file or database, or the disk is full); saves are refused with 503 until it can"
      : "the database cannot be reached; requests are refused with 503 until it is back";
  const repeated = last?.since ? ` (${last.since} more since the last line)` : "";
  console.error(`database fault: ${what}: ${cause}${repeated}`);
  logged.set(fault, { at: now, since: 0 });
}

/** The fault `error` is, reported (the log line; the health check, for an unreachable database); null when it is none. */
export function reportDatabaseFault(error: unknown, fault: DatabaseFault | null = databaseFault(error)): DatabaseFault | null {
  if (!fault) return null;
  if (fault === "unreachable") noteUnreachable();
  logFault(fault, error);
  return fault;
}
