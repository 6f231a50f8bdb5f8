// The sandbox's reads, bound to the app's database (lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { editableBanks } from "./sandbox-queries";

export const sandboxService = bound(db, { editableBanks });
