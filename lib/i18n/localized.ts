// Words an author wrote, in one language or several: a question's title, prompt and
// explanation. A plain string is the author's one language; an object holds a version per
// locale, and the reader gets theirs, else English, else whichever there is. Pure, client-safe.
import { z } from "zod";
import { LOCALES, type Locale } from "./locales";

export const localizedTextSchema = (max: number, min = 1) =>
  z.union([
    z.string().min(min).max(max),
    z
      .partialRecord(z.enum(LOCALES), z.string().min(min).max(max))
      .refine((o) => Object.values(o).some((v) => v !== undefined), "give the text in at least one language"),
  ]);

export type Localized = string | Partial<Record<Locale, string>>;

export function localized(text: Localized, locale: Locale): string {
  if (typeof text === "string") return text;
  return text[locale] ?? text.en ?? Object.values(text).find((v) => v !== undefined) ?? "";
}
