// The /api/v1 operations of this area (lib/api/operation.ts). Route files under app/api/v1
// build their handlers from these with apiRoute; the OpenAPI document lists them.
//
// Question banks of a course and their questions. A question is a key with versions: `PUT`
// saves the next version only when `baseVersion` is still the newest (else 409 with the
// current version and nothing saved), and a template equal to the newest saves nothing.
import { z } from "zod";
import { QuestionTemplateSchema } from "../../questions/schema";
import type { Operation } from "../operation";

/** defineOperation, keeping which schemas an operation has: its handler then gets `body` and `query` typed, not possibly undefined. */
const defineOperation = <O extends Operation>(op: O): O => op;

const Id = z.string().min(1).max(64);
/** A question's key: its template id (lowercase letters, digits, dashes; lib/questions/schema.ts). */
const Key = z.string().min(1).max(100).meta({ description: "The question's key: its template id, the same in every version" });
const VersionNumber = z.coerce.number().int().min(1).max(1_000_000);

const CourseParams = z.object({ courseId: Id });
const BankParams = CourseParams.extend({ bankId: Id });
const QuestionParams = BankParams.extend({ key: Key });
const VersionParams = QuestionParams.extend({ version: VersionNumber });

const Bank = z.object({
  id: z.string(),
  title: z.string(),
  questions: z.number().int().meta({ description: "Question keys not archived" }),
  archived: z.number().int().meta({ description: "Archived question keys" }),
  usedBy: z.number().int().meta({ description: "Quiz items that draw from the bank or use one of its questions" }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const BankTitle = z.object({ title: z.string().trim().min(1).max(120) });

const QuestionSummary = z.object({
  key: z.string(),
  version: z.number().int().meta({ description: "The newest version" }),
  title: z.string().meta({ description: "The title in the caller's language" }),
  family: z.string(),
  familyTitle: z.string(),
  kind: z.string().meta({ description: "The answer kind (ask.kind)" }),
  tags: z.array(z.string()),
  archived: z.boolean(),
  savedAt: z.string(),
  author: z.string().nullable().meta({ description: "Who saved this version; null for the starter library" }),
});

const QuestionDetail = QuestionSummary.extend({
  bankId: z.string(),
  template: z.record(z.string(), z.unknown()).meta({ description: "The question template (QuestionTemplate) of this version" }),
});

const SaveResult = QuestionDetail.extend({
  changed: z.boolean().meta({ description: "false: the template equals the newest version's, and no version was added" }),
});

const TemplateBody = z.object({ template: QuestionTemplateSchema });

export const listBanksOp = defineOperation({
  id: "listBanks",
  method: "GET",
  path: "/courses/{courseId}/banks",
  summary: "The course's question banks, with how many questions each holds and how many quiz items use it",
  tag: "Banks",
  access: { permission: "banks.view" },
  params: CourseParams,
  response: z.object({ banks: z.array(Bank) }),
});

export const createBankOp = defineOperation({
  id: "createBank",
  method: "POST",
  path: "/courses/{courseId}/banks",
  summary: "Create a question bank",
  tag: "Banks",
  access: { permission: "banks.edit" },
  params: CourseParams,
  body: BankTitle,
  response: Bank,
  status: 201,
});

export const getBankOp = defineOperation({
  id: "getBank",
  method: "GET",
  path: "/courses/{courseId}/banks/{bankId}",
  summary: "One question bank",
  tag: "Banks",
  access: { permission: "banks.view" },
  params: BankParams,
  response: Bank,
});

export const renameBankOp = defineOperation({
  id: "renameBank",
  method: "PATCH",
  path: "/courses/{courseId}/banks/{bankId}",
  summary: "Rename a question bank",
  tag: "Banks",
  access: { permission: "banks.edit" },
  params: BankParams,
  body: BankTitle,
  response: Bank,
});

export const deleteBankOp = defineOperation({
  id: "deleteBank",
  method: "DELETE",
  path: "/courses/{courseId}/banks/{bankId}",
  summary: "Delete a question bank and its questions",
  description: "Refused with 409 while any quiz item draws from the bank or uses one of its questions.",
  tag: "Banks",
  access: { permission: "banks.edit" },
  params: BankParams,
  response: z.null(),
  status: 204,
  errors: [409],
});

export const listQuestionsOp = defineOperation({
  id: "listQuestions",
  method: "GET",
  path: "/courses/{courseId}/banks/{bankId}/questions",
  summary: "The newest version of each question in the bank, filtered",
  tag: "Questions",
  access: { permission: "banks.view" },
  params: BankParams,
  query: z.object({
    q: z.string().max(200).optional().meta({ description: "Words in the title (any language) or the key" }),
    tag: z.string().max(40).optional(),
    family: z.string().max(64).optional(),
    kind: z.string().max(32).optional(),
    archived: z.enum(["true", "false"]).optional().meta({ description: "true: only archived questions; false (default): only the others" }),
  }),
  response: z.object({ questions: z.array(QuestionSummary) }),
});

export const createQuestionOp = defineOperation({
  id: "createQuestion",
  method: "POST",
  path: "/courses/{courseId}/banks/{bankId}/questions",
  summary: "Save a new question as version 1; its key is the template's id",
  description:
    "409 when the bank already has a question with that key; 422 when the template does not validate or the engine cannot use it.",
  tag: "Questions",
  access: { permission: "banks.edit" },
  params: BankParams,
  body: TemplateBody,
  response: QuestionDetail,
  status: 201,
  errors: [409],
});

export const getQuestionOp = defineOperation({
  id: "getQuestion",
  method: "GET",
  path: "/courses/{courseId}/banks/{bankId}/questions/{key}",
  summary: "The newest version of a question, with its template",
  tag: "Questions",
  access: { permission: "banks.view" },
  params: QuestionParams,
  response: QuestionDetail,
});

export const updateQuestionOp = defineOperation({
  id: "updateQuestion",
  method: "PUT",
  path: "/courses/{courseId}/banks/{bankId}/questions/{key}",
  summary: "Save the next version of a question",
  description:
    'Saved only when `baseVersion` is the newest version; otherwise 409 `{ error: "CONFLICT", message, current }` with the current version (its template too) and nothing saved. A template equal to the newest version\'s adds no version (`changed: false`).',
  tag: "Questions",
  access: { permission: "banks.edit" },
  params: QuestionParams,
  body: TemplateBody.extend({ baseVersion: z.number().int().min(1).max(1_000_000) }),
  response: SaveResult,
  errors: [409],
});

export const listVersionsOp = defineOperation({
  id: "listVersions",
  method: "GET",
  path: "/courses/{courseId}/banks/{bankId}/questions/{key}/versions",
  summary: "Every version of a question, newest first",
  tag: "Questions",
  access: { permission: "banks.view" },
  params: QuestionParams,
  response: z.object({
    versions: z.array(z.object({ version: z.number().int(), title: z.string(), savedAt: z.string(), author: z.string().nullable() })),
  }),
});

export const getVersionOp = defineOperation({
  id: "getVersion",
  method: "GET",
  path: "/courses/{courseId}/banks/{bankId}/questions/{key}/versions/{version}",
  summary: "One version of a question, with its template",
  tag: "Questions",
  access: { permission: "banks.view" },
  params: VersionParams,
  response: QuestionDetail,
});

export const diffVersionsOp = defineOperation({
  id: "diffVersions",
  method: "GET",
  path: "/courses/{courseId}/banks/{bankId}/questions/{key}/diff",
  summary: "What changed between two versions of a question: each difference with its path",
  tag: "Questions",
  access: { permission: "banks.view" },
  params: QuestionParams,
  query: z.object({ from: VersionNumber, to: VersionNumber }),
  response: z.object({
    key: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(
      z.object({
        type: z.enum(["added", "removed", "changed"]),
        path: z.array(z.union([z.string(), z.number()])).meta({ description: 'The field\'s path in the template: ["ask", "endpoint"]' }),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
      }),
    ),
  }),
});

export const duplicateQuestionOp = defineOperation({
  id: "duplicateQuestion",
  method: "POST",
  path: "/courses/{courseId}/banks/{bankId}/questions/{key}/duplicate",
  summary: "Copy a question's newest version as a new question (key with a -2, -3, … suffix)",
  tag: "Questions",
  access: { permission: "banks.edit" },
  params: QuestionParams,
  response: QuestionDetail,
  status: 201,
});

export const archiveQuestionOp = defineOperation({
  id: "archiveQuestion",
  method: "POST",
  path: "/courses/{courseId}/banks/{bankId}/questions/{key}/archive",
  summary: "Archive or restore a question (every version)",
  description: "An archived question is not listed by default and never drawn into a new attempt; attempts that have it keep it.",
  tag: "Questions",
  access: { permission: "banks.edit" },
  params: QuestionParams,
  body: z.object({ archived: z.boolean() }),
  response: QuestionDetail,
});

export const copyFromLibraryOp = defineOperation({
  id: "copyFromLibrary",
  method: "POST",
  path: "/courses/{courseId}/banks/{bankId}/library",
  summary: "Copy starter-library templates into the bank as new questions",
  description: "Each becomes version 1 of a question keyed by its template id; a key the bank holds gets a -2 (-3, …) suffix. All or none.",
  tag: "Banks",
  access: { permission: "banks.edit" },
  params: BankParams,
  body: z.object({ templateIds: z.array(z.string().min(1).max(100)).min(1).max(200) }),
  response: z.object({ copied: z.array(z.object({ templateId: z.string(), key: z.string() })) }),
  status: 201,
  errors: [409],
});

export const banksOperations: readonly Operation[] = [
  listBanksOp,
  createBankOp,
  getBankOp,
  renameBankOp,
  deleteBankOp,
  listQuestionsOp,
  createQuestionOp,
  getQuestionOp,
  updateQuestionOp,
  listVersionsOp,
  getVersionOp,
  diffVersionsOp,
  duplicateQuestionOp,
  archiveQuestionOp,
  copyFromLibraryOp,
];
