// Which of better-auth's HTTP endpoints the app serves under /api/auth. The app's own pages
// use server actions, which call better-auth in-process (auth.api.*); over HTTP only clients
// that are not a browser form need it (scripts, the load benchmark): to sign in, read their
// session, sign out. Every other endpoint better-auth has (sign-up, update-user,
// change-password, change-email, delete-user, list-sessions, …) answers 404, so none of them
// can skip the checks the server actions make.
import { msg } from "../i18n/msg";
import { readerLocale, textIn } from "../i18n/translate";

export const EXPOSED_ENDPOINTS: Readonly<Record<string, readonly string[]>> = {
  GET: ["/get-session"],
  POST: ["/sign-in/email", "/sign-out"],
};

const BASE_PATH = "/api/auth";

export function isExposed(request: Request): boolean {
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith(`${BASE_PATH}/`)) return false;
  return (EXPOSED_ENDPOINTS[request.method] ?? []).includes(pathname.slice(BASE_PATH.length));
}

/** `handler` for the exposed endpoints, 404 for the rest. */
export function exposedOnly(handler: (request: Request) => Promise<Response>) {
  return (request: Request): Promise<Response> =>
    isExposed(request)
      ? handler(request)
      : Promise.resolve(
          Response.json({ error: "NOT_FOUND", message: textIn(readerLocale(request.headers))(msg("errors.notFound")) }, { status: 404 }),
        );
}
