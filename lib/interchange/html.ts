// The text of a question as the LMS formats carry it: HTML for the question and its options
// (both Moodle formats are read as HTML here), and the plain words back out of a file's HTML
// when a question from elsewhere is read. Pure.
import type { Locale } from "../i18n/locales";
import { textIn } from "../i18n/translate";
import type { ExportVariant } from "./types";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text shown as it is inside HTML: `<script>` stays words, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** HTML whose braces are character references: shown the same, but no importer reads them as syntax. */
export function braceless(html: string): string {
  return html.replace(/\{/g, "&#123;").replace(/\}/g, "&#125;");
}

/**
 * The question's HTML: the prompt and setup (already sanitized by the variant), the given part
 * of the timeline as a monospace ladder in a `<pre>`, and for a number the unit to answer in.
 */
export function questionHtml(variant: ExportVariant, locale: Locale): string {
  const parts = [variant.html];
  if (variant.given !== "") parts.push(`<pre>${escapeHtml(variant.given)}</pre>`);
  if (variant.answer.type === "numerical" && variant.answer.unit)
    parts.push(`<p>${escapeHtml(textIn(locale)({ key: "bankFormats.unit", values: { unit: variant.answer.unit } }))}</p>`);
  return parts.join("\n");
}

/** The general feedback as HTML: the explanation's paragraphs, escaped; "" when there is none. */
export function feedbackHtml(variant: ExportVariant): string {
  if (variant.feedback.trim() === "") return "";
  return variant.feedback
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The words of an HTML fragment: tags dropped, entities decoded, white space collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|pre)>/gi, "\n")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
