// A Text as a reader in `locale` reads it, rendered from the real catalogs with the same
// ICU machinery the app uses: tests assert the sentence, not the message id.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import type { Text } from "@/lib/i18n/msg";
import { renderText, type Translate } from "@/lib/i18n/render";
import { catalogs } from "@/messages";

export function say(text: Text | null | undefined, locale: Locale = "en", timeZone = "UTC"): string {
  const t = createTranslator({ locale, messages: catalogs[locale], timeZone }) as unknown as Translate;
  return renderText(t, locale, text);
}
