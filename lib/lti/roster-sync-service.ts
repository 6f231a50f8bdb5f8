// The roster sync with the LMS, bound to the app's database (lib/db/bind.ts): what the roster
// pages and their actions call. Server only; tests import roster-sync.ts with a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { applyRosterSync, previewRosterSync } from "./roster-sync";
import { canSyncRoster } from "./roster-sync-queries";

export const rosterSync = bound(db, { previewRosterSync, applyRosterSync, canSyncRoster });
export type { SyncOutcome, SyncPreview } from "./roster-sync";
