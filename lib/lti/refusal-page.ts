// The page a refused launch shows inside the LMS's frame, written by the launch routes
// themselves (route handlers cannot render the app's pages): the reason in the reader's
// language, its code, and, when the browser refused the frame's cookies, a link that starts the
// same login in a window of its own. Its policy lets nothing run; its one style is allowed by hash.
import { createHash } from "node:crypto";
import type { Locale } from "../i18n/locales";
import { msg } from "../i18n/msg";
import { textIn } from "../i18n/translate";
import type { LaunchRefusal } from "./launch-refusal";

const STYLE =
  "body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;color:#0f172a;background:#f8fafc;line-height:1.5}" +
  "main{max-width:40rem;margin:0 auto;background:#fff;border:1px solid #cbd5e1;border-radius:.5rem;padding:1.25rem}" +
  "h1{font-size:1.25rem;margin:0 0 .75rem}p{margin:.5rem 0;overflow-wrap:anywhere}.code{color:#334155;font-size:.875rem}" +
  "a.button{display:inline-block;margin-top:.5rem;padding:.5rem 1rem;background:#1d4ed8;color:#fff;border-radius:.375rem;text-decoration:none}" +
  "a.button:focus-visible{outline:3px solid #0f172a;outline-offset:2px}";
const STYLE_HASH = createHash("sha256").update(STYLE).digest("base64");

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function refusalPageCsp(frameAncestors: string[]): string {
  const ancestors = frameAncestors.length > 0 ? frameAncestors.join(" ") : "'none'";
  return `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`;
}

export function refusalPageHtml(refusal: LaunchRefusal, locale: Locale, retryLogin: string | null): string {
  const t = textIn(locale);
  const retry = retryLogin
    ? `<p>${escapeHtml(t(msg("ltiLaunch.page.newWindowHint")))}</p>` +
      `<p><a class="button" href="${escapeHtml(retryLogin)}" target="_blank" rel="noopener">${escapeHtml(t(msg("ltiLaunch.page.newWindow")))}</a></p>`
    : "";
  const title = escapeHtml(t(msg("ltiLaunch.page.refusedTitle")));
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title}</title><style>${STYLE}</style></head><body><main><h1>${title}</h1>` +
    `<p>${escapeHtml(t(refusal.text))}</p>${retry}` +
    `<p>${escapeHtml(t(msg("ltiLaunch.page.whatToDo")))}</p>` +
    `<p class="code">${escapeHtml(t(msg("ltiLaunch.page.code", { code: refusal.code })))}</p></main></body></html>`
  );
}
