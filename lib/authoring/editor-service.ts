// The question editor's reads, for the app: bound to the app's database (lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { bankOfCourse, latestQuestion } from "./editor-queries";

export const editorService = bound(db, { bankOfCourse, latestQuestion });
