// The answer to a deep-linking request (docs/lti.md §4): the picker page's forms post here
// (the chosen quiz, or cancel), and the answer is a document that form-posts the signed
// LtiDeepLinkingResponse to the platform's return URL by itself. Pages may post forms only to
// this app (form-action 'self'), so this document carries its own policy: its form may go to
// the return URL's origin and nowhere else, its one script runs by nonce, and it may be framed
// by the registered platforms, as the LMS shows the picker in a frame. Refusals are documents
// too, with their status, since a person's browser shows them.
import { z } from "zod";
import { env, appUrl } from "@/lib/env";
import { msg } from "@/lib/i18n/msg";
import { readerLocale, textIn } from "@/lib/i18n/translate";
import { autoPostHtml, refusalHtml } from "@/lib/lti/auto-post";
import { deepLinks } from "@/lib/lti/deep-link-service";
import { toolUrls } from "@/lib/lti/vocabulary";
import { decodeUtf8, readBody } from "@/lib/server/body";
import { AppError } from "@/lib/server/errors";
import { foreignOriginError } from "@/lib/server/origin";
import { otherMethods, sessionUserOf } from "@/lib/server/route";
import { commonSecurityHeaders, documentCsp, NON_PAGE_CSP, newNonce, servedOverHttps } from "@/lib/server/security-headers";

/** A choice is a few dozen bytes. */
const FORM_LIMIT = 2048;

const FormSchema = z.discriminatedUnion("answer", [
  z.object({ answer: z.literal("quiz"), quizId: z.string().trim().min(1).max(100) }),
  z.object({ answer: z.literal("cancel") }),
]);

const ParamsSchema = z.object({ id: z.string().min(1).max(100) });

function documentResponse(html: string, status: number, csp: string): Response {
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": csp });
  for (const { key, value } of commonSecurityHeaders(servedOverHttps(env.APP_URL))) headers.set(key, value);
  return new Response(html, { status, headers });
}

async function readForm(request: Request) {
  const refused = foreignOriginError(request.headers);
  if (refused) throw refused;
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw new AppError("UNSUPPORTED_MEDIA_TYPE", msg("ltiDeepLink.errors.badForm"));
  const form = Object.fromEntries(new URLSearchParams(decodeUtf8(await readBody(request, FORM_LIMIT))));
  const parsed = FormSchema.safeParse(form);
  if (!parsed.success) throw new AppError("BAD_REQUEST", msg("ltiDeepLink.errors.badForm"));
  return parsed.data;
}

export async function POST(request: Request, context: { params: Promise<unknown> }): Promise<Response> {
  const params = ParamsSchema.safeParse(await context.params.catch(() => null));
  const id = params.success ? params.data.id : "";
  const user = await sessionUserOf(request);
  const locale = readerLocale(request.headers, user?.locale);
  const render = textIn(locale);
  const nonce = newNonce();
  // The LMS shows the picker in a frame, and this answer replaces it there.
  const frameAncestors = await deepLinks.frameOrigins().then(
    (origins) => (origins.length ? origins : ["'none'"]),
    () => ["'none'"],
  );
  try {
    if (!params.success) throw new AppError("NOT_FOUND", msg("ltiDeepLink.errors.notFound"));
    const form = await readForm(request);
    if (!user) throw new AppError("UNAUTHENTICATED", msg("errors.session.ended"));
    const answer = form.answer === "quiz" ? { kind: "quiz" as const, quizId: form.quizId } : { kind: "cancel" as const };
    const signed = await deepLinks.answer({
      id,
      caller: user,
      answer,
      launchUrl: toolUrls(new URL(appUrl()).origin).launch,
      now: new Date(),
      render,
    });
    const html = autoPostHtml({
      action: signed.returnUrl,
      jwt: signed.jwt,
      nonce,
      lang: locale,
      words: {
        title: render(msg("ltiDeepLink.autoPost.title")),
        sending: render(msg("ltiDeepLink.autoPost.sending")),
        continue: render(msg("ltiDeepLink.autoPost.continue")),
      },
    });
    return documentResponse(html, 200, documentCsp({ nonce, formAction: new URL(signed.returnUrl).origin, frameAncestors }));
  } catch (error) {
    const refusal = error instanceof AppError ? error : null;
    if (!refusal) console.error("deep-link answer failed", error);
    const html = refusalHtml({
      nonce,
      lang: locale,
      title: render(msg("ltiDeepLink.refused.title")),
      message: render(refusal?.text ?? msg("errors.unexpected")),
      back: { href: `/lti/deep-link/${encodeURIComponent(id)}`, label: render(msg("ltiDeepLink.refused.back")) },
    });
    return documentResponse(html, refusal?.status ?? 500, documentCsp({ nonce, formAction: "'none'", frameAncestors }));
  }
}

// next.config.ts leaves this path's policy to the handler: the refusals of other methods get the non-page one.
const refused = otherMethods("POST");
export const { GET, PUT, PATCH, DELETE } = Object.fromEntries(
  (["GET", "PUT", "PATCH", "DELETE"] as const).map((m) => [
    m,
    (request: Request) => {
      const response = refused[m](request);
      response.headers.set("Content-Security-Policy", NON_PAGE_CSP);
      return response;
    },
  ]),
) as Record<"GET" | "PUT" | "PATCH" | "DELETE", (request: Request) => Response>;
