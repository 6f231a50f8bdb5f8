// Text in a language chosen without next-intl's request config: route handlers, proxy.ts and
// better-auth's hooks have a request's headers, not a React render. The reader's language is
// read from the headers as the pages read it (lib/server/request-locale.ts): the account's
// saved choice, else the switch's cookie, else Accept-Language. Pure; server code only (it
// holds every catalog).
import { createTranslator } from "next-intl";
import type { z } from "zod";
import { catalogs } from "../../messages";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";
import { msg, type MessageKey, type MsgValue, type Text } from "./msg";
import { renderText, type Translate } from "./render";

const renderers = new Map<Locale, (text: Text | null | undefined) => string>();

/** Renders Text in `locale`: a message with its values, or a plain string as it is. */
export function textIn(locale: Locale): (text: Text | null | undefined) => string {
  let render = renderers.get(locale);
  if (!render) {
    const t = createTranslator({ locale, messages: catalogs[locale] }) as unknown as Translate;
    renderers.set(locale, (render = (text) => renderText(t, locale, text)));
  }
  return render;
}

function cookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The reader's language from a request's headers; `saved` is the signed-in account's choice, if known. */
export function readerLocale(headers: Headers, saved?: string | null): Locale {
  if (isLocale(saved)) return saved;
  const chosen = cookie(headers.get("cookie"), LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(headers.get("accept-language"));
}

type Tree = { readonly [key: string]: string | Tree };
let ids: Set<string> | null = null;

function collect(tree: Tree, prefix: string, into: Set<string>): Set<string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") into.add(prefix + key);
    else collect(value, `${prefix}${key}.`, into);
  }
  return into;
}

/** Whether `value` is the id of a message (the English catalog is the reference). */
export function isMessageKey(value: unknown): value is MessageKey {
  ids ??= collect(catalogs.en as unknown as Tree, "", new Set());
  return typeof value === "string" && ids.has(value);
}

/**
 * What a zod issue tells the person. A message id (the convention for messages written in
 * schemas, docs/contributing.md) becomes that message, with the issue's limits (`minimum`,
 * `maximum`) and a custom issue's `params` as its arguments; any other message is shown as written.
 */
export function issueText(issue: z.core.$ZodIssue): Text {
  if (!isMessageKey(issue.message)) return issue.message;
  const values: Record<string, MsgValue> = {};
  const limits = issue as { minimum?: unknown; maximum?: unknown };
  for (const name of ["minimum", "maximum"] as const) {
    const limit = limits[name];
    if (typeof limit === "number" || typeof limit === "bigint") values[name] = Number(limit);
  }
  if (issue.code === "custom" && issue.params)
    for (const [name, value] of Object.entries(issue.params))
      if (typeof value === "string" || typeof value === "number") values[name] = value;
  return msg(issue.message, Object.keys(values).length ? values : undefined);
}
