import { apiRoute } from "@/lib/api/route";
import { createBankOp, listBanksOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";

export const GET = apiRoute(listBanksOp, async ({ params }) => ({ banks: await authoring.listBanks(params.courseId) }));

export const POST = apiRoute(createBankOp, async ({ params, body, user }) =>
  authoring.createBank({ userId: user.id, courseId: params.courseId }, body.title),
);
