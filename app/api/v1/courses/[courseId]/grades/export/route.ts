// GET /api/v1/courses/{courseId}/grades/export: the grade file for an LMS, recorded as downloaded
// (lib/api/operations/lms-grades.ts). Students the LMS could not match: 422 naming them, unless missing=skip.
import { csvTextResponse } from "@/lib/api/csv";
import { exportGradesOp } from "@/lib/api/operations/lms-grades";
import { apiRoute } from "@/lib/api/route";
import { textIn } from "@/lib/i18n/translate";
import { msg } from "@/lib/i18n/msg";
import { gradeExport } from "@/lib/lms";
import { gradeRequest } from "@/lib/lms/grade-options";
import { json, otherMethods } from "@/lib/server/route";

export const GET = apiRoute(exportGradesOp, async ({ params, query, user, locale }) => {
  const request = gradeRequest(query);
  const result = await gradeExport.download({ userId: user.id, courseId: params.courseId }, request, new Date());
  if (result.ok) return csvTextResponse(result.text, result.fileName);
  const text = textIn(locale);
  return json(
    {
      error: "UNPROCESSABLE",
      message: text(msg("lmsGrades.errors.leftOut", { count: result.leftOut.length, param: "missing=skip" })),
      issues: result.leftOut.map((s, i) => ({
        path: ["students", i],
        message: text(
          msg(s.reason === "unsafe" ? "lmsGrades.leftOut.unsafe" : "lmsGrades.leftOut.missing", { name: s.name, email: s.email }),
        ),
      })),
    },
    422,
  );
});

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
