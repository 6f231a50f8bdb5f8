// The languages the product speaks, and how a reader's is chosen from what the browser
// says. Pure and client-safe: the header's switch, the Account page and the server's
// request config share it.
import { z } from "zod";

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LocaleSchema = z.enum(LOCALES);

/** Set by the language switch in the header; read when the reader has no saved preference. */
export const LOCALE_COOKIE = "synack-locale";
/** The browser's IANA time zone, so dates rendered on the server read in the reader's local time. */
export const TIME_ZONE_COOKIE = "synack-tz";

/** Each language named in itself, as a switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The language a tag asks for, if we have it: every Chinese tag reads Simplified Chinese, every English one English. */
function match(tag: string): Locale | null {
  const primary = tag.toLowerCase().split("-")[0];
  if (primary === "zh") return "zh-CN";
  if (primary === "en") return "en";
  return null;
}

/**
 * The best of our languages for an Accept-Language header (RFC 9110 §12.5.4): tags in
 * order of their q-values, the first we have wins; none we have gives English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const found = match(tag);
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}

/** A time zone the runtime knows, or null: a cookie's value is the browser's word, not ours. */
export function validTimeZone(value: string | null | undefined): string | null {
  if (!value || value.length > 64) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return null;
  }
}
