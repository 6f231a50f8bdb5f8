// What the bank routes answer for the two refusals that carry more than a message: a save
// from an old version (409 with the current version, so the editor can show it and keep the
// draft) and a template the engine cannot use (422 with each problem at its path, like a
// body that does not validate).
import "server-only";
import { ApiValidationError } from "@/lib/api/route";
import { TemplateRefused, VersionConflict } from "@/lib/authoring";
import type { Locale } from "@/lib/i18n/locales";
import { textIn } from "@/lib/i18n/translate";
import { json } from "@/lib/server/route";

export async function answered<T>(locale: Locale, run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof VersionConflict)
      return json({ error: "CONFLICT", message: textIn(locale)(error.text), current: error.current }, 409);
    if (error instanceof TemplateRefused) throw new ApiValidationError("UNPROCESSABLE", error.issues);
    throw error;
  }
}
