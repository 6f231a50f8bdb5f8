// Rendering feedback in a language as the app does (next-intl's translator over the
// catalogs, lib/i18n/render.ts for nested messages and lists), strictly: a missing message or
// a bad argument throws instead of showing the id.
import { createTranslator } from "next-intl";
import { renderText, type Translate } from "@/lib/i18n/render";
import type { Locale } from "@/lib/i18n/locales";
import type { Text } from "@/lib/i18n/msg";
import type { Feedback } from "@/lib/grading";
import { catalogs, type Messages } from "@/messages";
import { families } from "@/lib/scenarios";
import { RULES } from "@/lib/tcp/transitions";

/**
 * Feedback cites the engine's rule reasons (`rules.<id>`) and the families' concepts
 * (`families.<id>.concept`), whose catalogs the engine's wording fills. Where a catalog does
 * not hold an id yet, the English the engine carries stands in for it; the catalog wins as
 * soon as it has the id.
 */
function withStandIns(messages: Messages): Messages {
  const loose = messages as unknown as Record<string, Record<string, unknown>>;
  const rules = Object.fromEntries(Object.values(RULES).map((r) => [r.id, (r as unknown as { reason?: string }).reason ?? r.id]));
  const concepts = Object.fromEntries(
    families.map((f) => [
      f.id,
      { title: (f as unknown as { title?: unknown }).title, concept: (f as unknown as { concept?: unknown }).concept },
    ]),
  );
  const merged = { ...loose, rules: { ...rules, ...loose.rules } } as Record<string, Record<string, unknown>>;
  merged.families = Object.fromEntries(
    Object.entries(concepts).map(([id, standIn]) => [id, { ...standIn, ...(loose.families?.[id] as object | undefined) }]),
  );
  return merged as unknown as Messages;
}

const translators = new Map<Locale, Translate>();

export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const intl = createTranslator({
      locale,
      messages: withStandIns(catalogs[locale]),
      onError(error) {
        throw error;
      },
    });
    translators.set(locale, (t = intl as unknown as Translate));
  }
  return t;
}

export function render(locale: Locale, text: Text | null | undefined): string {
  return renderText(translator(locale), locale, text);
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
