// The reader's language for this request: what they chose on the Account page, else the
// header switch's cookie, else the browser's Accept-Language; and their time zone, from the
// cookie the browser sets (UTC until it has). Read once per request.
import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getSessionUserOrNull } from "../auth/session";
import { isLocale, LOCALE_COOKIE, negotiateLocale, TIME_ZONE_COOKIE, validTimeZone, type Locale } from "../i18n/locales";

export const requestLocale = cache(async (): Promise<Locale> => {
  const user = await getSessionUserOrNull();
  if (isLocale(user?.locale)) return user.locale;
  const jar = await cookies();
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
});

export const requestTimeZone = cache(async (): Promise<string> => {
  const jar = await cookies();
  return validTimeZone(jar.get(TIME_ZONE_COOKIE)?.value) ?? "UTC";
});
