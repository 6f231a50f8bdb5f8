// OIDC login initiation (GET or POST, as the LMS chooses): records the login and sends the
// browser to the platform's authorization endpoint with the state cookie set (lib/lti/login.ts).
import { LaunchRefusal } from "@/lib/lti/launch-refusal";
import { launchService } from "@/lib/lti";
import { stateCookie } from "@/lib/lti/launch-service";
import { readLoginParams } from "@/lib/lti/login";
import { otherMethods } from "@/lib/server/route";
import { ltiRoute, readForm, redirectTo, refusalResponse, toolOrigin } from "../responses";

export const dynamic = "force-dynamic";

async function login(request: Request, params: URLSearchParams): Promise<Response> {
  try {
    const start = await launchService.startLogin(readLoginParams(params), { toolOrigin: toolOrigin() });
    return redirectTo(start.redirect, 302, [stateCookie(start.state, start.maxAgeSec)]);
  } catch (error) {
    if (!(error instanceof LaunchRefusal)) throw error;
    await launchService.auditRefusal("lti.login.refused", error, {
      iss: params.get("iss")?.slice(0, 300),
      clientId: params.get("client_id")?.slice(0, 300),
    });
    return refusalResponse(request, error);
  }
}

export function GET(request: Request) {
  return ltiRoute(request, () => login(request, new URL(request.url).searchParams));
}

export function POST(request: Request) {
  return ltiRoute(request, async () => login(request, await readForm(request)));
}

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
