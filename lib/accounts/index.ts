// Accounts, for the app: bound to the app's database (see lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { setFlag, setLocale, signOutEverywhere } from "./manage";
import { accounts } from "./queries";

export const accountService = bound(db, { accounts, setFlag, setLocale, signOutEverywhere });
