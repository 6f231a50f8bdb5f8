// Authentication's reads and writes for the app, bound to the app's database (see
// lib/db/bind.ts). Server only; tests call the modules with a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { claimInvite, findInvite, inviteTokens } from "./invites";
import { liveSessionCount } from "./queries";
import { accountRetryAfter } from "./throttle";

export const authService = bound(db, { accountRetryAfter, claimInvite, findInvite, inviteTokens, liveSessionCount });
