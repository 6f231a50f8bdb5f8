// GET /api/v1/courses/{courseId}/grades/exports: the grade files downloaded (lib/api/operations/lms-grades.ts).
import { listGradeExportsOp } from "@/lib/api/operations/lms-grades";
import { apiRoute } from "@/lib/api/route";
import { gradeExport } from "@/lib/lms";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(listGradeExportsOp, async ({ params }) => ({ exports: await gradeExport.list(params.courseId) }));

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
