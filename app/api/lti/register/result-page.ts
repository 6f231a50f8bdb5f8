// The page the LMS shows in its registration window or frame when LTI Dynamic Registration
// ends (§3.7): what happened, in the reader's language, and — when it worked — a script that
// tells the LMS to close the window (`org.imsglobal.lti.close`, posted to the opener, else the
// parent frame). Its own policy: only its nonced script and style run, and it may be framed by
// https pages and by the LMS whose configuration it read (an LMS on http://localhost in development).
import { newNonce } from "@/lib/server/security-headers";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function resultPage(options: {
  status: number;
  lang: string;
  title: string;
  heading: string;
  paragraphs: string[];
  close: boolean;
  /** The origin of the LMS's configuration URL, when it was one. */
  platformOrigin: string | null;
}): Response {
  const nonce = newNonce();
  const script = options.close
    ? `<script nonce="${nonce}">(window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");</script>`
    : "";
  const html = `<!doctype html>
<html lang="${escape(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(options.title)}</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#0f172a;line-height:1.5}h1{font-size:1.25rem}</style>
</head>
<body>
<main>
<h1>${escape(options.heading)}</h1>
${options.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
</main>
${script}
</body>
</html>`;
  const ancestors = ["https:", ...(options.platformOrigin ? [options.platformOrigin] : [])].join(" ");
  return new Response(html, {
    status: options.status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Content-Security-Policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`,
    },
  });
}
