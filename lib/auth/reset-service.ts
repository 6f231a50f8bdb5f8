// Password reset links, bound to the app's database (see lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { findResetLink, mailableResetLink, makeResetLink } from "./password-reset";

export const passwordResets = bound(db, { findResetLink, mailableResetLink, makeResetLink });
