// DELETE /api/v1/tokens/{tokenId}: revokes one of the caller's tokens (204; another's is a 404).
import { apiRoute } from "@/lib/api/route";
import { revokeTokenOp } from "@/lib/api/operations/tokens";
import { tokenService } from "@/lib/auth/token-service";
import { otherMethods } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(revokeTokenOp, async ({ user, params }) => {
  await tokenService.withdrawToken(user.id, params.tokenId);
  return null;
});

// The other methods: 405, naming the ones this address takes.
export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
