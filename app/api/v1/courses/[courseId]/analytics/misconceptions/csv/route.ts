// GET /api/v1/courses/{courseId}/analytics/misconceptions/csv: a table of the report as a CSV file (lib/api/operations/misconceptions.ts).
import { misconceptionCsv } from "@/lib/analytics/misconception-csv";
import { misconceptionService } from "@/lib/analytics/misconception-index";
import { exportMisconceptionsOp } from "@/lib/api/operations/misconceptions";
import { csvResponse, fileName } from "@/lib/api/csv";
import { apiRoute } from "@/lib/api/route";
import { textIn } from "@/lib/i18n/translate";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(exportMisconceptionsOp, async ({ params, query, locale }) => {
  const data = await misconceptionService.classMisconceptions(params.courseId, query);
  const text = textIn(locale);
  const quiz = data.quizzes.find((q) => q.id === data.quizId)?.title ?? "all-quizzes";
  const name = fileName("misconceptions", query.table, quiz);
  if (query.table === "features") {
    const { rows, columns } = misconceptionCsv.features(data.report, text);
    return csvResponse(rows, columns, name);
  }
  const { rows, columns } = misconceptionCsv.misconceptions(data.report, text);
  return csvResponse(rows, columns, name);
});

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
