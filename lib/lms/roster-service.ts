// The roster import and the roster's identifiers, bound to the app's database (lib/db/bind.ts):
// what the roster pages, their actions and the /api/v1 roster routes call. Server only; tests
// import roster-import.ts and pass a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { applyRoster, previewRoster, updateEnrollmentFields } from "./roster-import";
import { courseMember } from "./roster-queries";

export const rosterImport = bound(db, { previewRoster, applyRoster, updateEnrollmentFields, courseMember });
export type { ApplyOutcome, RosterPreview } from "./roster-import";
