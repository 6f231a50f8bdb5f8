// The launch (the OIDC redirect URI): the platform form-posts id_token and state here; a
// valid launch signs the person in and goes on to its page, a refused one shows why (lib/lti/launch-service.ts).
import { clientAddress } from "@/lib/auth/client-address";
import { authSecret } from "@/lib/auth/secret";
import { launchService } from "@/lib/lti";
import { otherMethods } from "@/lib/server/route";
import { https, ltiRoute, readForm, redirectTo, refusalResponse, toolOrigin } from "../responses";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return ltiRoute(request, async () => {
    const form = await readForm(request);
    const result = await launchService.acceptLaunch(
      { idToken: form.get("id_token"), state: form.get("state"), cookieHeader: request.headers.get("cookie") },
      {
        now: new Date(),
        secret: authSecret(),
        toolOrigin: toolOrigin(),
        https: https(),
        ipAddress: clientAddress(request.headers),
        userAgent: request.headers.get("user-agent"),
      },
    );
    if (!result.ok) return refusalResponse(request, result.refusal, result.retryLogin);
    return redirectTo(result.redirect, 303, result.setCookies);
  });
}

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
