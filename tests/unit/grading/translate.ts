// Feedback rendered in a language, strictly (tests/unit/i18n/render-in.ts): a missing message
// or a bad argument throws instead of showing the id.
import type { Locale } from "@/lib/i18n/locales";
import type { Text } from "@/lib/i18n/msg";
import type { Feedback } from "@/lib/grading";
import { textIn } from "../i18n/render-in";

const renderers = new Map<Locale, (text: Text) => string>();

export function render(locale: Locale, text: Text | null | undefined): string {
  let r = renderers.get(locale);
  if (!r) renderers.set(locale, (r = textIn(locale)));
  return text == null ? "" : r(text);
}

/** English, as the feedback read before it was stored as messages. */
export const en = (text: Text | null | undefined) => render("en", text);
export const zh = (text: Text | null | undefined) => render("zh-CN", text);

/** Every text of a feedback, rendered: summary, messages, parts, the first mistake, the concept. */
export function renderFeedback(locale: Locale, f: Feedback): string[] {
  const r = (text: Text | undefined) => render(locale, text);
  const m = f.firstMistake;
  return [
    r(f.summary),
    ...f.messages.map(r),
    ...f.parts.map((p) => r(p.label)),
    ...(m ? [r(m.said), r(m.actual), r(m.cause), r(m.reason)] : []),
    r(f.concept),
  ];
}
