// The course's gradebook (lib/api/operations/gradebook.ts).
import { getGradebookOp } from "@/lib/api/operations/gradebook";
import { apiRoute } from "@/lib/api/route";
import { gradebook, gradebookView } from "@/lib/gradebook";
import { filterRows } from "@/lib/gradebook/gradebook";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getGradebookOp, async ({ params, query }) => {
  const view = gradebookView(await gradebook.course(params.courseId, new Date()));
  return { ...view, rows: filterRows(view.rows, query.section ?? null, query.search ?? "") };
});

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
