// Every /api/v1 operation, for the OpenAPI document and the role matrix test. An operation
// that is not listed here is not documented, and the matrix test fails on its route file.
import type { Operation } from "../operation";
import { analyticsOperations } from "./analytics";
import { bankFilesOperations } from "./bank-files";
import { banksOperations } from "./banks";
import { captureOperations } from "./captures";
import { gradebookOperations } from "./gradebook";
import { libraryOperations } from "./library";
import { lmsGradesOperations } from "./lms-grades";
import { overridesOperations } from "./overrides";
import { misconceptionsOperations } from "./misconceptions";
import { previewOperations } from "./preview";
import { quizzesOperations } from "./quizzes";
import { regradeOperations } from "./regrade";
import { rosterOperations } from "./roster";
import { sandboxOperations } from "./sandbox";
import { tokensOperations } from "./tokens";

export const operations: readonly Operation[] = [
  ...libraryOperations,
  ...banksOperations,
  ...bankFilesOperations,
  ...previewOperations,
  ...quizzesOperations,
  ...sandboxOperations,
  ...tokensOperations,
  ...captureOperations,
  ...overridesOperations,
  ...analyticsOperations,
  ...misconceptionsOperations,
  ...gradebookOperations,
  ...lmsGradesOperations,
  ...regradeOperations,
  ...rosterOperations,
];
