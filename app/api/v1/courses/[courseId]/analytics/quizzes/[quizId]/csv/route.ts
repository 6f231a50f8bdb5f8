// GET: one table of a quiz's item analysis as a CSV file (lib/api/operations/analytics.ts).
import { analytics } from "@/lib/analytics";
import { analyticsCsv, getItemAnalyticsCsvOp } from "@/lib/api/operations/analytics";
import { apiRoute } from "@/lib/api/route";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getItemAnalyticsCsvOp, async ({ params, query }) =>
  analyticsCsv(await analytics.items(params.courseId, params.quizId), query.table),
);

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
