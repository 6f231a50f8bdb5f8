// The /api/v1 operations of bank files (lib/interchange): a bank written as a file in one of its
// formats, and a file read into a bank. Their paths name the bank alone, so the course whose
// roles are checked is the bank's (`course: "bank"`). The import's body is a form with the file,
// not JSON; the export answers the file itself.
import { z } from "zod";
import { MAX_BANK_FILE_BYTES } from "../../interchange/transfer-service";
import { BANK_FORMATS } from "../../interchange/types";
import { MAX_SEEDS, MIN_SEEDS } from "../../interchange/variants";
import type { Operation } from "../operation";

/** defineOperation, keeping which schemas an operation has. */
const defineOperation = <O extends Operation>(op: O): O => op;

const BankParams = z.object({ bankId: z.string().min(1).max(64) });
const Format = z.enum(BANK_FORMATS).meta({ description: "json (this app's templates, lossless), moodle-xml, gift or qti (QTI 2.1 zip)" });
const Line = z.number().int().nullable().meta({ description: "The 1-based line in the file, when the format has lines" });

/** The header naming the questions an export could not write with as many variants as asked. */
export const UNEXPORTED_HEADER = "X-Unexported-Questions";

/** The media types of the four formats, as the export answers them. */
export const BANK_FILE_TYPES = ["application/json", "application/xml", "text/plain", "application/zip"] as const;

export const exportBankFileOp = defineOperation({
  id: "exportBankFile",
  method: "GET",
  path: "/banks/{bankId}/export",
  summary: "Download a bank as a file: this app's JSON, Moodle XML, GIFT or a QTI 2.1 package",
  description:
    "The bank's current questions (archived ones left out). `json` writes the templates themselves and reads back losslessly; " +
    "the LMS formats write each question as `seeds` fixed variants (seeds derived from the question's key, so the same bank " +
    `gives the same file), each answer mapped to the nearest question type. A question with fewer variants than asked is named in \`${UNEXPORTED_HEADER}\`. ` +
    "`curl -H 'Authorization: Bearer <token>' -OJ '<server>/api/v1/banks/<bankId>/export?format=qti&seeds=3'`",
  tag: "Banks",
  access: { permission: "banks.export", course: "bank" },
  params: BankParams,
  query: z.object({
    format: Format,
    seeds: z.coerce
      .number()
      .int()
      .min(MIN_SEEDS)
      .max(MAX_SEEDS)
      .default(3)
      .meta({ description: `Variants per question for the LMS formats, ${MIN_SEEDS}–${MAX_SEEDS} (ignored for json)` }),
  }),
  response: z.string(),
  produces: BANK_FILE_TYPES,
});

export const ImportOutcomeSchema = z.object({
  format: Format,
  dryRun: z.boolean(),
  imported: z.boolean().meta({ description: "Whether the questions were added: never on a dry run or with a problem" }),
  questions: z.array(
    z.object({
      line: Line,
      name: z.string(),
      key: z.string().meta({ description: "The key the question gets in the bank (its id, made unique)" }),
      kind: z.string(),
    }),
  ),
  skipped: z.array(z.object({ line: Line, name: z.string(), reason: z.string() })),
  problems: z.array(z.object({ line: Line, message: z.string() })).meta({ description: "Any problem: nothing is imported" }),
});

export const importBankFileOp = defineOperation({
  id: "importBankFile",
  method: "POST",
  path: "/banks/{bankId}/import",
  summary: "Read a bank file into the bank (or, with dryRun, only report what it would add)",
  description:
    `A multipart/form-data body: \`file\` (at most ${MAX_BANK_FILE_BYTES} bytes; 413 above), \`format\` and \`dryRun=true\` for the report only. ` +
    "The answer says which questions are added (under which key), which were skipped and why, and each problem with its line; " +
    "with any problem nothing is added. The questions are added in one transaction. " +
    "`curl -H 'Authorization: Bearer <token>' -F file=@bank.json -F format=json -F dryRun=true '<server>/api/v1/banks/<bankId>/import'`",
  tag: "Banks",
  access: { permission: "banks.import", course: "bank" },
  params: BankParams,
  form: {
    fields: z.object({
      format: Format,
      dryRun: z
        .enum(["true", "false"])
        .default("false")
        .transform((v) => v === "true")
        .meta({ description: "true: report only, nothing is added" }),
    }),
    files: ["file"],
    // The form's own boundaries and fields take a few hundred bytes more than the file.
    limitBytes: MAX_BANK_FILE_BYTES + 16 * 1024,
  },
  response: ImportOutcomeSchema,
  errors: [409],
});

export const bankFilesOperations: readonly Operation[] = [exportBankFileOp, importBankFileOp];
