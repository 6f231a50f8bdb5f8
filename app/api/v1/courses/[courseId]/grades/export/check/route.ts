// GET /api/v1/courses/{courseId}/grades/export/check: what the grade file will hold, before the download (lib/api/operations/lms-grades.ts).
import { checkGradeExportOp } from "@/lib/api/operations/lms-grades";
import { apiRoute } from "@/lib/api/route";
import { textIn } from "@/lib/i18n/translate";
import { gradeExport } from "@/lib/lms";
import { gradeRequest } from "@/lib/lms/grade-options";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(checkGradeExportOp, async ({ params, query, locale }) => {
  const file = await gradeExport.prepare(params.courseId, gradeRequest(query), new Date());
  const text = textIn(locale);
  return {
    fileName: file.fileName,
    rowCount: file.rowCount,
    columns: file.columns,
    leftOut: file.leftOut,
    warnings: file.warnings.map((w) => text(w)),
  };
});

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
