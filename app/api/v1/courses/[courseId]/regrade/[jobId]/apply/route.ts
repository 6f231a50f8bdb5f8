// POST: apply a finished dry run (lib/api/operations/regrade.ts); the apply runs after the answer.
import { after } from "next/server";
import { applyRegradeOp } from "@/lib/api/operations/regrade";
import { apiRoute } from "@/lib/api/route";
import { regrade } from "@/lib/regrade";
import { otherMethods } from "@/lib/server/route";

export const POST = apiRoute(applyRegradeOp, async ({ params, user, access }) =>
  regrade.apply({ userId: user.id, courseId: params.courseId, role: access.role }, params.jobId, (task) => after(task)),
);

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
