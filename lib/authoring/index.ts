// Authoring, for the app: banks and question versions bound to the app's database (see
// lib/db/bind.ts). Server only; tests import banks.ts and pass a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import {
  archiveQuestion,
  copyFromLibrary,
  createBank,
  createQuestion,
  deleteBank,
  diffVersions,
  duplicateQuestion,
  getBank,
  getQuestion,
  getVersion,
  listBanks,
  listQuestions,
  listVersions,
  questionFacets,
  renameBank,
  updateQuestion,
} from "./banks";

export const authoring = bound(db, {
  listBanks,
  getBank,
  createBank,
  renameBank,
  deleteBank,
  listQuestions,
  questionFacets,
  getQuestion,
  createQuestion,
  updateQuestion,
  listVersions,
  getVersion,
  diffVersions,
  duplicateQuestion,
  archiveQuestion,
  copyFromLibrary,
});
export { kindSelector, starterCatalog, TemplateRefused, VersionConflict } from "./banks";
export type {
  Actor,
  BankSummary,
  CopiedTemplate,
  LibraryFamily,
  LibraryTemplate,
  QuestionDetail,
  QuestionFilter,
  QuestionSummary,
  SaveResult,
  VersionDiff,
  VersionSummary,
} from "./banks";
