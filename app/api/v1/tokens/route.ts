// GET /api/v1/tokens: the caller's tokens. POST: a new one, shown once (session callers only).
import { apiRoute } from "@/lib/api/route";
import { createTokenOp, listTokensOp } from "@/lib/api/operations/tokens";
import { tokenService } from "@/lib/auth/token-service";
import { otherMethods } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listTokensOp, async ({ user }) => ({ tokens: await tokenService.tokenViews(user.id) }));

export const POST = apiRoute(createTokenOp, async ({ user, body }) => tokenService.issueToken(user.id, body));

// The other methods: 405, naming the ones this address takes.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
