// Text in the reader's language for async server code: pages, actions, route handlers.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Text } from "../i18n/msg";
import { renderText, type Translate } from "../i18n/render";

export async function textRenderer(): Promise<(text: Text | null | undefined) => string> {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (text) => renderText(t as unknown as Translate, locale, text);
}
