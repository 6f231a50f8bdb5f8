// GET: a regrade's progress and result (lib/api/operations/regrade.ts); a runner cut off is started again.
import { after } from "next/server";
import { getRegradeOp } from "@/lib/api/operations/regrade";
import { apiRoute } from "@/lib/api/route";
import { regrade } from "@/lib/regrade";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getRegradeOp, async ({ params }) => regrade.get(params.courseId, params.jobId, (task) => after(task)));

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
