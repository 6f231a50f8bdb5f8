// The small HTML documents the deep-linking route answers with, outside React: the page that
// form-posts the signed response to the platform by itself (Deep Linking 2.0 §4.5: one field,
// `JWT`), and the page that says why a response was refused. Their words arrive rendered; every
// value is escaped. The auto-post page's one script carries the response's CSP nonce, and a
// button does the same for a browser that runs no script.

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE =
  "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:32rem;padding:0 1rem;color:#0f172a;line-height:1.5}" +
  "button,a.button{font:inherit;padding:.5rem 1rem;border-radius:.5rem;border:1px solid #334155;background:#fff;color:#0f172a}";

function documentOf(options: { lang: string; title: string; nonce: string; body: string }): string {
  return (
    `<!doctype html><html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(options.title)}</title><style nonce="${escapeHtml(options.nonce)}">${STYLE}</style></head>` +
    `<body><main>${options.body}</main></body></html>`
  );
}

export type AutoPostWords = { title: string; sending: string; continue: string };

/** The page that sends `jwt` to `action` (the platform's deep_link_return_url) as soon as it loads. */
export function autoPostHtml(options: { action: string; jwt: string; nonce: string; lang: string; words: AutoPostWords }): string {
  const { action, jwt, nonce, words } = options;
  const body =
    `<h1>${escapeHtml(words.title)}</h1>` +
    `<form id="lti-deep-link-response" method="post" action="${escapeHtml(action)}">` +
    `<input type="hidden" name="JWT" value="${escapeHtml(jwt)}">` +
    `<p>${escapeHtml(words.sending)}</p><button type="submit">${escapeHtml(words.continue)}</button></form>` +
    `<script nonce="${escapeHtml(nonce)}">document.getElementById("lti-deep-link-response").submit();</script>`;
  return documentOf({ lang: options.lang, title: words.title, nonce, body });
}

/** The page that says why the response was not sent, with a way back to the choice. */
export function refusalHtml(options: {
  nonce: string;
  lang: string;
  title: string;
  message: string;
  back: { href: string; label: string };
}): string {
  const body =
    `<h1>${escapeHtml(options.title)}</h1><p>${escapeHtml(options.message)}</p>` +
    `<p><a class="button" href="${escapeHtml(options.back.href)}">${escapeHtml(options.back.label)}</a></p>`;
  return documentOf({ lang: options.lang, title: options.title, nonce: options.nonce, body });
}
