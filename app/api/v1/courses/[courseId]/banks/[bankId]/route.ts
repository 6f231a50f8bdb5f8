import { apiRoute } from "@/lib/api/route";
import { deleteBankOp, getBankOp, renameBankOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getBankOp, async ({ params }) => authoring.getBank(params.courseId, params.bankId));

export const PATCH = apiRoute(renameBankOp, async ({ params, body, user }) =>
  authoring.renameBank({ userId: user.id, courseId: params.courseId }, params.bankId, body.title),
);

export const DELETE = apiRoute(deleteBankOp, async ({ params, user }) => {
  await authoring.deleteBank({ userId: user.id, courseId: params.courseId }, params.bankId);
  return null;
});

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
