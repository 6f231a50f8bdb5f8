// Personal API tokens for the app, bound to the app's database (lib/db/bind.ts). Server only;
// tests call lib/auth/api-token-service.ts with a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { issueToken, tokenViews, withdrawToken } from "./api-token-service";

export const tokenService = bound(db, { issueToken, tokenViews, withdrawToken });
