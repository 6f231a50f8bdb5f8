// The misconceptions report, for the app: bound to the app's database (lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { classMisconceptions, studentMisconceptions } from "./misconception-service";

export const misconceptionService = bound(db, { classMisconceptions, studentMisconceptions });
export type { ClassMisconceptions } from "./misconception-service";
