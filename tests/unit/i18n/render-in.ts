// Rendering Text in one language the way the app does (next-intl's translator over the
// catalogs, then renderText), except that a missing message or bad argument throws.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import type { Text } from "@/lib/i18n/msg";
import { renderText, type Translate } from "@/lib/i18n/render";
import { catalogs } from "@/messages";

export function textIn(locale: Locale): (text: Text) => string {
  const t = createTranslator({
    locale,
    messages: catalogs[locale],
    onError: (error) => {
      throw error;
    },
  }) as unknown as Translate;
  return (text) => renderText(t, locale, text);
}
