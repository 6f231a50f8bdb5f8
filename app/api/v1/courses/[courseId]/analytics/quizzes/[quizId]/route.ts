// GET: a quiz's item analysis (lib/api/operations/analytics.ts).
import { analytics } from "@/lib/analytics";
import { getItemAnalyticsOp } from "@/lib/api/operations/analytics";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(getItemAnalyticsOp, async ({ params }) => analytics.items(params.courseId, params.quizId));
