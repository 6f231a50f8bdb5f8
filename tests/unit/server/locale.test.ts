// Which language a reader gets: Accept-Language negotiation (RFC 9110 §12.5.4, lib/i18n/locales.ts)
// and, for code that has only a request's headers (route handlers, proxy.ts, better-auth's
// hooks), the saved choice, then the switch's cookie, then the header (lib/i18n/translate.ts).
import { describe, expect, it } from "vitest";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locales";
import { readerLocale } from "@/lib/i18n/translate";

describe("negotiateLocale", () => {
  const cases: [string, string | null | undefined, string][] = [
    ["no header", undefined, "en"],
    ["an empty header", "", "en"],
    ["a browser set to Chinese", "zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["a browser set to English with Chinese second", "en-US,en;q=0.9,zh-CN;q=0.8", "en"],
    ["the higher q-value, not the first tag", "en;q=0.3, zh;q=0.7", "zh-CN"],
    ["equal q-values: the first listed", "zh;q=0.5, en;q=0.5", "zh-CN"],
    ["a language we lack, then one we have", "fr-FR, de;q=0.9, zh;q=0.2", "zh-CN"],
    ["Traditional Chinese (Taiwan) reads Simplified Chinese", "zh-TW", "zh-CN"],
    ["zh-Hant-HK reads Simplified Chinese", "zh-Hant-HK,en;q=0.5", "zh-CN"],
    ["bare zh", "zh", "zh-CN"],
    ["any English tag", "en-GB", "en"],
    ["tags in any case", "ZH-cn", "zh-CN"],
    ["only languages we lack", "fr, de;q=0.9, ja;q=0.8", "en"],
    ["the wildcard alone", "*", "en"],
    ["q=0 means not acceptable", "zh;q=0, en;q=0.1", "en"],
    ["Q=0 in upper case means the same (parameter names are case-insensitive)", "zh;Q=0, en;q=0.1", "en"],
    ["a q-value that is not a number drops its tag", "zh;q=abc, en;q=0.1", "en"],
    ["other parameters beside q", "zh;foo=bar;q=0.9, en;q=0.5", "zh-CN"],
    ["stray separators", ";;, ,,;q=1, zh ,", "zh-CN"],
    ["garbage", "\u0000\u00ff{}[]<>", "en"],
  ];
  for (const [what, header, expected] of cases)
    it(`${what}: ${JSON.stringify(header)} → ${expected}`, () => expect(negotiateLocale(header)).toBe(expected));

  it("reads at most the first 1000 characters of a huge header, quickly", () => {
    const header = `${"xx;q=0.9, ".repeat(200_000)}zh`;
    const started = performance.now();
    expect(negotiateLocale(header)).toBe("en");
    expect(negotiateLocale(`zh, ${header}`)).toBe("zh-CN");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("readerLocale", () => {
  const h = (entries: Record<string, string>) => new Headers(entries);
  it("follows Accept-Language when nothing was chosen", () => {
    expect(readerLocale(h({ "accept-language": "zh-CN" }))).toBe("zh-CN");
    expect(readerLocale(h({}))).toBe("en");
  });
  it("prefers the switch's cookie to Accept-Language, among other cookies", () => {
    expect(readerLocale(h({ "accept-language": "en", cookie: `a=1; ${LOCALE_COOKIE}=zh-CN; b=2` }))).toBe("zh-CN");
    expect(readerLocale(h({ "accept-language": "zh", cookie: `${LOCALE_COOKIE}=en` }))).toBe("en");
  });
  it("ignores a cookie that names no language of ours", () => {
    expect(readerLocale(h({ "accept-language": "zh", cookie: `${LOCALE_COOKIE}=fr` }))).toBe("zh-CN");
    expect(readerLocale(h({ "accept-language": "zh", cookie: `x${LOCALE_COOKIE}=en` }))).toBe("zh-CN");
  });
  it("prefers the account's saved choice to the cookie", () => {
    expect(readerLocale(h({ cookie: `${LOCALE_COOKIE}=zh-CN` }), "en")).toBe("en");
    expect(readerLocale(h({ cookie: `${LOCALE_COOKIE}=en` }), "zh-CN")).toBe("zh-CN");
    // No saved choice (null: follow the browser), or one we no longer speak: the cookie decides.
    expect(readerLocale(h({ cookie: `${LOCALE_COOKIE}=zh-CN` }), null)).toBe("zh-CN");
    expect(readerLocale(h({ cookie: `${LOCALE_COOKIE}=zh-CN` }), "fr")).toBe("zh-CN");
  });
});
