// Mail, for the app: bound to the app's database (see lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { requestResetMail } from "./reset-mail";

export { appMailer } from "./mailer";
export const resetMail = bound(db, { requestResetMail });
