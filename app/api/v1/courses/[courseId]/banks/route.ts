import { apiRoute } from "@/lib/api/route";
import { createBankOp, listBanksOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(listBanksOp, async ({ params }) => ({ banks: await authoring.listBanks(params.courseId) }));

export const POST = apiRoute(createBankOp, async ({ params, body, user }) =>
  authoring.createBank({ userId: user.id, courseId: params.courseId }, body.title),
);

// The other methods: 405, naming the ones this address takes.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
