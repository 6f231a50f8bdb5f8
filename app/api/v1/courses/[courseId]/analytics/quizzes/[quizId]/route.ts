// GET: a quiz's item analysis (lib/api/operations/analytics.ts).
import { analytics } from "@/lib/analytics";
import { getItemAnalyticsOp } from "@/lib/api/operations/analytics";
import { apiRoute } from "@/lib/api/route";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getItemAnalyticsOp, async ({ params }) => analytics.items(params.courseId, params.quizId));

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
