// The course's gradebook (lib/api/operations/gradebook.ts).
import { getGradebookOp } from "@/lib/api/operations/gradebook";
import { apiRoute } from "@/lib/api/route";
import { gradebook, gradebookView } from "@/lib/gradebook";
import { filterRows } from "@/lib/gradebook/gradebook";

export const GET = apiRoute(getGradebookOp, async ({ params, query }) => {
  const view = gradebookView(await gradebook.course(params.courseId, new Date()));
  return { ...view, rows: filterRows(view.rows, query.section ?? null, query.search ?? "") };
});
