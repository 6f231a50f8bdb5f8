// The security headers, one definition for every response: pages get a Content-Security-Policy
// with a fresh nonce per request (set in proxy.ts, which Next.js reads to put the nonce on its
// own inline and bundle scripts); API responses, static assets and 404s outside the pages get
// a policy that allows nothing (next.config.ts). No page may be framed by another site, but
// for the registered LMS platforms, which show the app in their course pages (LTI).

export type HeaderList = { key: string; value: string }[];

/** Whether the app is served over https, as APP_URL says; only then is HSTS sent. */
export function servedOverHttps(appUrl: string | undefined): boolean {
  return appUrl?.startsWith("https://") ?? false;
}

/** Headers for every response, pages and assets alike. */
export function commonSecurityHeaders(https: boolean): HeaderList {
  const list: HeaderList = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Attempt ids and join codes appear in URLs: other sites are not told which page linked them.
    { key: "Referrer-Policy", value: "same-origin" },
  ];
  // Two years, the common minimum for preload lists; only ever sent over https.
  if (https) list.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return list;
}

/** For responses that are not pages (JSON, assets, API 404s): nothing may run, load or frame them. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Pages no LMS may frame: the site's administration and a person's account (clickjacking). */
const NEVER_FRAMED = /^\/(admin|account)(\/|$)/;

/**
 * Who may show a page in a frame: the registered LMS platforms' origins (an LTI launch opens
 * the quiz inside the LMS's page, and the student goes on from there), except for the pages
 * no one may frame; nobody when no platform is registered.
 */
export function frameAncestorsFor(pathname: string, platformOrigins: readonly string[]): string[] {
  const origins = platformOrigins.filter((o) => /^https?:\/\/[^\s;,'"]+$/.test(o));
  if (origins.length === 0 || NEVER_FRAMED.test(pathname)) return ["'none'"];
  return [...origins];
}

/** A page's policy: scripts only from this origin and with this request's nonce. */
export function pageCsp(options: { nonce: string; frameAncestors: string[]; https: boolean; dev: boolean }): string {
  const { nonce, frameAncestors, https, dev } = options;
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load the bundle chunks; React's dev build needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(" ")}`,
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The policy of a document a route handler writes itself (the deep-linking response that
 * form-posts to an LMS): nothing loads, its one script and style run by nonce, and a form may
 * go only to `formAction` — an origin, or 'none' — never to the pages' 'self'-only rule.
 */
export function documentCsp(options: { nonce: string; formAction: string; frameAncestors: string[] }): string {
  const { nonce, formAction, frameAncestors } = options;
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    `form-action ${formAction}`,
    `frame-ancestors ${frameAncestors.join(" ")}`,
  ].join("; ");
}

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
