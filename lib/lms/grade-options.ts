// What a grade file is asked for: the LMS, the columns (quizzes, the course total) and each
// format's options, as zod schemas (the API's query, the export page's form) and the types
// they give. Also the quiz ↔ LMS column mapping's shapes. Pure and client-safe.
import { z } from "zod";

export const LMS_FORMATS = ["canvas", "moodle", "blackboard", "brightspace"] as const;
export type LmsFormat = (typeof LMS_FORMATS)[number];

/** Which identifier Moodle's import maps the file's key column to (useremail, username, useridnumber). */
export const MOODLE_IDENTIFIERS = ["email", "username", "idnumber"] as const;
export type MoodleIdentifier = (typeof MOODLE_IDENTIFIERS)[number];

/** Which identifier Brightspace matches the student on. */
export const BRIGHTSPACE_IDENTIFIERS = ["orgdefinedid", "username"] as const;
export type BrightspaceIdentifier = (typeof BRIGHTSPACE_IDENTIFIERS)[number];

/** The column key that stands for the course total (GradeExport.columns holds it too). */
export const TOTAL = "total";

/** The options of each format, with their defaults. */
export const GradeFileOptionsSchema = z.discriminatedUnion("format", [
  z.object({ format: z.literal("canvas"), bom: z.boolean().default(false), pointsPossible: z.boolean().default(true) }),
  z.object({ format: z.literal("moodle"), identifier: z.enum(MOODLE_IDENTIFIERS).default("email"), bom: z.boolean().default(false) }),
  z.object({ format: z.literal("blackboard"), delimiter: z.enum(["comma", "tab"]).default("comma") }),
  z.object({ format: z.literal("brightspace"), identifier: z.enum(BRIGHTSPACE_IDENTIFIERS).default("orgdefinedid") }),
]);
export type GradeFileOptions = z.output<typeof GradeFileOptionsSchema>;

const Id = z.string().min(1).max(64);
const Flag = z.enum(["true", "false"]);

/**
 * The export's query string: flat, as a script writes it; `gradeRequest` turns it into the
 * columns and the format's options (an option another format does not have is refused).
 */
export const GradeExportQuerySchema = z
  .strictObject({
    format: z.enum(LMS_FORMATS),
    quizzes: z
      .string()
      .max(4000)
      .optional()
      .meta({ description: 'Comma-separated quiz ids, in column order; "total" for the course total; absent: every published quiz' }),
    identifier: z
      .enum([...MOODLE_IDENTIFIERS, ...BRIGHTSPACE_IDENTIFIERS])
      .optional()
      .meta({ description: "Moodle: email (default), username or idnumber. Brightspace: orgdefinedid (default) or username" }),
    delimiter: z.enum(["comma", "tab"]).optional().meta({ description: "Blackboard only: comma (default, every field quoted) or tab" }),
    bom: Flag.optional().meta({ description: "Canvas and Moodle only: start the file with a UTF-8 byte order mark (for Excel)" }),
    pointsPossible: Flag.optional().meta({ description: 'Canvas only: the "Points Possible" row (default true)' }),
    missing: z.enum(["refuse", "skip"]).default("refuse").meta({
      description:
        "Students the LMS cannot match (no identifier): refuse (default, 422 naming them) or skip (the file without them; the export records it)",
    }),
  })
  .superRefine((q, ctx) => {
    const allowed: Record<string, readonly string[]> = {
      canvas: ["bom", "pointsPossible"],
      moodle: ["identifier", "bom"],
      blackboard: ["delimiter"],
      brightspace: ["identifier"],
    };
    for (const key of ["identifier", "delimiter", "bom", "pointsPossible"] as const) {
      if (q[key] !== undefined && !allowed[q.format].includes(key))
        ctx.addIssue({ code: "custom", path: [key], message: `Not an option of ${q.format}` });
    }
    if (q.identifier !== undefined) {
      const ids: readonly string[] = q.format === "moodle" ? MOODLE_IDENTIFIERS : BRIGHTSPACE_IDENTIFIERS;
      if (allowed[q.format].includes("identifier") && !ids.includes(q.identifier))
        ctx.addIssue({ code: "custom", path: ["identifier"], message: `One of ${ids.join(", ")}` });
    }
    const keys = q.quizzes?.split(",") ?? [];
    if (q.quizzes !== undefined && (keys.length === 0 || keys.length > 200 || keys.some((k) => !Id.safeParse(k).success)))
      ctx.addIssue({ code: "custom", path: ["quizzes"], message: "1 to 200 quiz ids (or total), comma-separated" });
    else if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["quizzes"], message: "Each column at most once" });
  });
export type GradeExportQuery = z.output<typeof GradeExportQuerySchema>;

/** The columns (null: every published quiz) and options a valid query asks for. */
export function gradeRequest(q: GradeExportQuery): { columns: string[] | null; options: GradeFileOptions; skipMissing: boolean } {
  const flag = (v: "true" | "false" | undefined) => (v === undefined ? undefined : v === "true");
  return {
    columns: q.quizzes === undefined ? null : q.quizzes.split(","),
    options: GradeFileOptionsSchema.parse({
      format: q.format,
      identifier: q.identifier,
      delimiter: q.delimiter,
      bom: flag(q.bom),
      pointsPossible: flag(q.pointsPossible),
    }),
    skipMissing: q.missing === "skip",
  };
}

/** The query string of a request: what the export page's download link carries. */
export function gradeQueryString(columns: readonly string[], options: GradeFileOptions, skipMissing: boolean): string {
  const p = new URLSearchParams({ format: options.format, quizzes: columns.join(",") });
  if (options.format === "canvas") {
    if (options.bom) p.set("bom", "true");
    if (!options.pointsPossible) p.set("pointsPossible", "false");
  }
  if (options.format === "moodle") {
    p.set("identifier", options.identifier);
    if (options.bom) p.set("bom", "true");
  }
  if (options.format === "blackboard" && options.delimiter === "tab") p.set("delimiter", "tab");
  if (options.format === "brightspace") p.set("identifier", options.identifier);
  if (skipMissing) p.set("missing", "skip");
  return p.toString();
}

/** A student the LMS could not match, left out of the file: no identifier, or one that starts like a spreadsheet formula. */
export const LeftOutSchema = z.object({ userId: z.string(), name: z.string(), email: z.string(), reason: z.enum(["missing", "unsafe"]) });
export type LeftOut = z.infer<typeof LeftOutSchema>;

// ------------------------------------------------------------------------------------ the record

export const GradeExportSchema = z.object({
  id: z.string(),
  format: z.enum(LMS_FORMATS),
  columns: z.array(z.string()).meta({ description: 'The quiz ids in column order; "total" for the course total' }),
  options: z.record(z.string(), z.unknown()).meta({ description: "The format's options, and how many students were left out" }),
  rowCount: z.number().int(),
  checksum: z.string().meta({ description: "SHA-256 of the file's bytes, hex" }),
  fileName: z.string(),
  createdAt: z.string().meta({ description: "ISO 8601 instant" }),
  by: z.object({ name: z.string(), email: z.string() }),
});
export type GradeExportView = z.infer<typeof GradeExportSchema>;

// ------------------------------------------------------------------------------------ the mapping

/** Canvas assignment ids and Blackboard column ids are whole numbers. */
const ExternalId = z
  .string()
  .trim()
  .regex(/^[0-9]{1,20}$/, "Digits only, as the LMS shows it");
const Title = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^\r\n\t]*$/, "One line");

/** The LMSs whose items have an id a grade file can name. */
export const LMS_WITH_IDS: readonly LmsFormat[] = ["canvas", "blackboard"];

export const LmsColumnSchema = z.strictObject({
  quizId: Id,
  externalId: ExternalId.nullable().meta({ description: "Canvas assignment id or Blackboard column id; null: match by title" }),
  title: Title.nullable().meta({ description: "The item's title in the LMS; null: the quiz's title" }),
});

export const LmsColumnsBodySchema = z
  .strictObject({
    lms: z.enum(LMS_FORMATS),
    columns: z
      .array(LmsColumnSchema)
      .min(1)
      .max(200)
      .refine((list) => new Set(list.map((c) => c.quizId)).size === list.length, { message: "Each quiz at most once" }),
  })
  .superRefine((body, ctx) => {
    if (LMS_WITH_IDS.includes(body.lms)) return;
    body.columns.forEach((c, i) => {
      if (c.externalId !== null)
        ctx.addIssue({ code: "custom", path: ["columns", i, "externalId"], message: `${body.lms} has no column ids` });
    });
  });
export type LmsColumnsBody = z.output<typeof LmsColumnsBodySchema>;

export const LmsColumnsSchema = z.object({
  quizzes: z.array(
    z.object({
      quizId: z.string(),
      title: z.string(),
      maxScore: z.number(),
      columns: z.array(z.object({ lms: z.enum(LMS_FORMATS), externalId: z.string().nullable(), title: z.string().nullable() })),
    }),
  ),
});
export type LmsColumns = z.infer<typeof LmsColumnsSchema>;
