// Practice, for the app: bound to the app's database (see lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { checkPractice, revealPractice } from "./check";
import { masteryOf } from "./mastery";

export const practiceService = bound(db, { checkPractice, revealPractice, masteryOf });
