// POST: start a regrade (lib/api/operations/regrade.ts); its runner starts after the answer.
import { after } from "next/server";
import { createRegradeOp } from "@/lib/api/operations/regrade";
import { apiRoute } from "@/lib/api/route";
import { regrade } from "@/lib/regrade";

export const POST = apiRoute(createRegradeOp, async ({ params, body, user, access }) =>
  regrade.start({ userId: user.id, courseId: params.courseId, role: access.role }, body, (task) => after(task)),
);
