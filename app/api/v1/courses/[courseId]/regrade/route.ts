// GET: the course's latest regrades; POST: start one (lib/api/operations/regrade.ts), its runner starting after the answer.
import { after } from "next/server";
import { createRegradeOp, listRegradesOp } from "@/lib/api/operations/regrade";
import { apiRoute } from "@/lib/api/route";
import { regrade } from "@/lib/regrade";
import { otherMethods } from "@/lib/server/route";

export const POST = apiRoute(createRegradeOp, async ({ params, body, user, access }) =>
  regrade.start({ userId: user.id, courseId: params.courseId, role: access.role }, body, (task) => after(task)),
);

export const GET = apiRoute(listRegradesOp, async ({ params }) => ({ regrades: await regrade.recent(params.courseId) }));

// The other methods: 405, naming the ones this address takes.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
