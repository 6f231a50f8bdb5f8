// The new-window fallback: the cookie check page (/lti/open), framed where the browser gave the
// frame no cookie, posts its one-time handoff here into a window of the app's own; the handoff
// is spent and that window gets a first-party session, then the launch's page. Only the app's
// own page may post it (Origin), so another site cannot sign a visitor in as someone else.
import { authSecret } from "@/lib/auth/secret";
import { clientAddress } from "@/lib/auth/client-address";
import { launchService } from "@/lib/lti";
import { sessionCookie } from "@/lib/lti/lti-session";
import { foreignOriginError } from "@/lib/server/origin";
import { otherMethods } from "@/lib/server/route";
import { https, ltiRoute, readForm, redirectTo } from "../responses";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return ltiRoute(request, async () => {
    const refused = foreignOriginError(request.headers);
    if (refused) throw refused;
    const now = new Date();
    const handoff = await launchService.redeemHandoff((await readForm(request)).get("handoff") ?? "", now);
    if (!handoff) return redirectTo("/lti/open?gone=1", 303);
    const token = await launchService.createSession(handoff.userId, {
      now,
      ipAddress: clientAddress(request.headers),
      userAgent: request.headers.get("user-agent"),
    });
    return redirectTo(handoff.target, 303, [sessionCookie(token, authSecret(), { framed: false, https: https() })]);
  });
}

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
