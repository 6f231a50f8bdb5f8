// Rendering a Text in one language: nested messages first, then the message itself with
// ICU (plurals, numbers). Lists join the way the language joins lists ("A, B and C",
// "A、B和C"). Pure and client-safe; `t` is next-intl's translator for the reader's locale.
import { isMsg, type Msg, type MsgValue, type Text } from "./msg";

/** next-intl's `t`, seen without its key typing: keys come typed from Msg. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { style: "long", type: "conjunction" })));
  return format;
}

function renderValue(t: Translate, locale: string, value: MsgValue): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if (Array.isArray(value)) return listFormat(locale).format((value as readonly Msg[]).map((m) => renderText(t, locale, m)));
  return renderText(t, locale, value as Msg);
}

export function renderText(t: Translate, locale: string, text: Text | null | undefined): string {
  if (text == null) return "";
  if (!isMsg(text)) return String(text);
  if (!text.values) return t(text.key);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.values)) values[name] = renderValue(t, locale, value);
  return t(text.key, values);
}
