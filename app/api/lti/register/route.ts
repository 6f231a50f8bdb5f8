// LTI Dynamic Registration 1.0: the LMS opens this address (the registration URL an admin made
// on /admin/lti, which carries a one-time invite) with its `openid_configuration` and
// `registration_token`; the tool registers itself with the LMS and answers a page for the LMS's
// window (lib/lti/registration.ts). An HTML page, not JSON, on success and failure alike: an LMS
// administrator reads it in the LMS.
import { z } from "zod";
import { msg } from "@/lib/i18n/msg";
import { readerLocale, textIn } from "@/lib/i18n/translate";
import { allowLocalHttp, ltiAdminService, toolOrigin } from "@/lib/lti/platform-admin-service";
import { MAX_URL } from "@/lib/lti/registration-config";
import { AppError } from "@/lib/server/errors";
import { otherMethods } from "@/lib/server/route";
import { resultPage } from "./result-page";

export const dynamic = "force-dynamic";

const Query = z.object({
  invite: z.string().min(20).max(100),
  openid_configuration: z.string().min(1).max(MAX_URL),
  registration_token: z.string().min(1).max(4096).optional(),
});

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

export async function GET(request: Request) {
  const locale = readerLocale(request.headers);
  const t = textIn(locale);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const platformOrigin = originOf(params.openid_configuration);
  const failed = (status: number, reason: string) =>
    resultPage({
      status,
      lang: locale,
      title: t(msg("ltiAdmin.register.pageTitle")),
      heading: t(msg("ltiAdmin.register.failed")),
      paragraphs: [reason, t(msg("ltiAdmin.register.retry"))],
      close: false,
      platformOrigin,
    });
  const query = Query.safeParse(params);
  if (!query.success)
    return failed(400, t(msg("ltiAdmin.register.errors.request", { openid: "openid_configuration", token: "registration_token" })));
  try {
    const { platform, deploymentId } = await ltiAdminService.registerDynamically(
      {
        invite: query.data.invite,
        openidConfiguration: query.data.openid_configuration,
        registrationToken: query.data.registration_token,
      },
      { origin: toolOrigin(), allowLocalHttp: allowLocalHttp() },
    );
    return resultPage({
      status: 200,
      lang: locale,
      title: t(msg("ltiAdmin.register.pageTitle")),
      heading: t(msg("ltiAdmin.register.done")),
      paragraphs: [
        t(msg("ltiAdmin.register.doneDetail", { name: platform.name, clientId: platform.clientId })),
        deploymentId ? t(msg("ltiAdmin.register.deployment", { deployment: deploymentId })) : t(msg("ltiAdmin.register.noDeployment")),
        t(msg("ltiAdmin.register.closing")),
      ],
      close: true,
      platformOrigin,
    });
  } catch (error) {
    if (error instanceof AppError) return failed(error.status, t(error.text));
    console.error("LTI dynamic registration failed", error);
    return failed(500, t(msg("errors.unexpected")));
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
