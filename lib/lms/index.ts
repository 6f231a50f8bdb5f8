// The grade export, for the app: the services bound to the app's database (lib/db/bind.ts).
// Server only; tests import grade-export-service.ts with a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { downloadGradeFile, gradeExports, lmsColumns, prepareGradeFile, setLmsColumns } from "./grade-export-service";

export const gradeExport = bound(db, {
  prepare: prepareGradeFile,
  download: downloadGradeFile,
  list: gradeExports,
  columns: lmsColumns,
  setColumns: setLmsColumns,
});
