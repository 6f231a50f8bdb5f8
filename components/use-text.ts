// Rendering Text (a catalog message or a plain string) in the reader's language, in client
// components and in non-async server components alike. Async server code uses
// `textRenderer()` from lib/server/text.ts.
import { useLocale, useTranslations } from "next-intl";
import { renderText, type Translate } from "@/lib/i18n/render";
import type { Text } from "@/lib/i18n/msg";

export function useText(): (text: Text | null | undefined) => string {
  const t = useTranslations() as unknown as Translate;
  const locale = useLocale();
  return (text) => renderText(t, locale, text);
}
