"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { accountService } from "@/lib/accounts";
import { LOCALE_COOKIE, LocaleSchema } from "@/lib/i18n/locales";
import { msg } from "@/lib/i18n/msg";
import { publicAction } from "@/lib/server/action-client";
import { AppError } from "@/lib/server/errors";

const ONE_YEAR_S = 365 * 24 * 3600;

const SetLocaleSchema = z.object({
  locale: z.union([LocaleSchema, z.literal("browser")]),
  /** "account": the Account page's choice, which may be "follow the browser". */
  from: z.enum(["header", "account"]).default("header"),
});

/**
 * The header's switch (anyone) and the Account page (signed in). The cookie speaks for the
 * browser; a signed-in person's choice is also saved with their account, or it would hide
 * the switch's choice on the next page. The page comes back in the new language; the form
 * says "saved" itself, in that language (components/language-switch.tsx).
 */
export const setLocaleAction = publicAction(SetLocaleSchema, async ({ locale, from }, { user }) => {
  // The Account page's form after its session ended: saving nothing is better than saving half.
  if (from === "account" && !user) throw new AppError("UNAUTHENTICATED", msg("errors.session.ended"));
  const jar = await cookies();
  if (locale === "browser") jar.delete(LOCALE_COOKIE);
  else jar.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: ONE_YEAR_S, httpOnly: false });
  if (user) await accountService.setLocale(user.id, locale === "browser" ? null : locale);
  return { ok: true };
});
