// Banks to and from files, for the app: the transfer service bound to the app's database (see
// lib/db/bind.ts). Server only; tests import transfer-service.ts and pass a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { exportBankFile, importBankFile } from "./transfer-service";

export const bankTransfer = bound(db, { exportBankFile, importBankFile });
export { MAX_BANK_FILE_BYTES, type BankExport, type ImportOutcome } from "./transfer-service";
export { MAX_SEEDS, MIN_SEEDS } from "./variants";
export { BANK_FORMATS, type BankFormat } from "./types";
