// next-intl's per-request configuration (next.config.ts points its plugin here): the
// reader's language and time zone, and that language's catalog.
import { getRequestConfig } from "next-intl/server";
import { catalogs } from "../../messages";
import { requestLocale, requestTimeZone } from "./request-locale";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, timeZone: await requestTimeZone(), messages: catalogs[locale] };
});
