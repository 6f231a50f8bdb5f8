// The /api/v1 operations of this area (lib/api/operation.ts). Route files under app/api/v1
// build their handlers from these with apiRoute; the OpenAPI document lists them.
// Item analysis of a quiz (lib/analytics, definitions in docs/analytics.md), as JSON and as a
// CSV file per table. The CSV headings are English and stable, for spreadsheets and scripts;
// fractions are written as fractions (0.75), not percentages, so they keep their precision.
import { z } from "zod";
import { ItemAnalyticsSchema, type GroupRow, type ItemAnalytics, type ItemRow, type SectionRow } from "../../analytics/schemas";
import { csvResponse, fileName, type CsvColumn } from "../csv";
import { defineOperation } from "../operation";

const Id = z.string().min(1).max(64);
const QuizParams = z.object({ courseId: Id, quizId: Id });
const TAG = "Analytics";

export const CSV_TABLES = ["items", "histogram", "families", "kinds", "sections"] as const;

export const getItemAnalyticsOp = defineOperation({
  id: "getItemAnalytics",
  method: "GET",
  path: "/courses/{courseId}/analytics/quizzes/{quizId}",
  summary:
    "Item analysis of a quiz: per question facility, discrimination, score distribution and time; the score histogram; per family, answer kind and section",
  description:
    "Each student's first submitted attempt is analysed. Scores are the counted ones (a staff override where set). " +
    "Discrimination is the correlation of an item's score with the rest of the attempt's; null where it is undefined (fewer than two answers, or no variation).",
  tag: TAG,
  access: { permission: "analytics.view" },
  params: QuizParams,
  response: ItemAnalyticsSchema,
});

export const getItemAnalyticsCsvOp = defineOperation({
  id: "getItemAnalyticsCsv",
  method: "GET",
  path: "/courses/{courseId}/analytics/quizzes/{quizId}/csv",
  summary: "One table of a quiz's item analysis as a CSV file",
  description: "`table`: items, histogram, families, kinds or sections. UTF-8 with a byte-order mark, CRLF lines (RFC 4180).",
  tag: TAG,
  access: { permission: "analytics.view" },
  params: QuizParams,
  query: z.object({ table: z.enum(CSV_TABLES).default("items") }),
  response: z.string(),
  produces: "text/csv",
});

export const analyticsOperations = [getItemAnalyticsOp, getItemAnalyticsCsvOp];

const itemColumns: CsvColumn<ItemRow>[] = [
  { header: "position", value: (r) => r.position },
  { header: "item", value: (r) => r.item },
  { header: "title", value: (r) => r.title },
  { header: "family", value: (r) => r.family },
  { header: "kind", value: (r) => r.kind },
  { header: "answers", value: (r) => r.n },
  { header: "mean_score", value: (r) => r.meanScore },
  { header: "max_score", value: (r) => r.maxScore },
  { header: "facility", value: (r) => r.facility },
  { header: "discrimination", value: (r) => r.discrimination },
  { header: "no_credit", value: (r) => r.distribution.zero },
  { header: "part_credit", value: (r) => r.distribution.partial },
  { header: "full_credit", value: (r) => r.distribution.full },
  { header: "mean_time_sec", value: (r) => r.meanTimeSec },
  { header: "timed_answers", value: (r) => r.timed },
];

const groupColumns = (name: string): CsvColumn<GroupRow>[] => [
  { header: name, value: (r) => r.group },
  { header: "items", value: (r) => r.items },
  { header: "answers", value: (r) => r.n },
  { header: "facility", value: (r) => r.facility },
  { header: "mean_discrimination", value: (r) => r.discrimination },
  { header: "mean_time_sec", value: (r) => r.meanTimeSec },
];

const sectionColumns: CsvColumn<SectionRow>[] = [
  { header: "section", value: (r) => r.section ?? "" },
  { header: "students", value: (r) => r.students },
  { header: "mean", value: (r) => r.mean },
  { header: "sd", value: (r) => r.sd },
  { header: "min", value: (r) => r.min },
  { header: "max", value: (r) => r.max },
  { header: "facility", value: (r) => r.facility },
];

type Bin = ItemAnalytics["summary"]["histogram"][number];
const binColumns: CsvColumn<Bin>[] = [
  { header: "from", value: (r) => r.from },
  { header: "to", value: (r) => r.to },
  { header: "students", value: (r) => r.count },
];

/** One table of the analysis as a CSV download named after the quiz and the table. */
export function analyticsCsv(data: ItemAnalytics, table: (typeof CSV_TABLES)[number]): Response {
  const name = fileName(data.quiz.title, "analytics", table);
  const options = { bom: true };
  switch (table) {
    case "items":
      return csvResponse(data.items, itemColumns, name, options);
    case "histogram":
      return csvResponse(data.summary.histogram, binColumns, name, options);
    case "families":
      return csvResponse(data.families, groupColumns("family"), name, options);
    case "kinds":
      return csvResponse(data.kinds, groupColumns("kind"), name, options);
    case "sections":
      return csvResponse(data.sections, sectionColumns, name, options);
  }
}
