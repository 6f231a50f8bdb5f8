// Parsing untrusted JSON text. Nesting is bounded before parsing (deep nesting costs stack in
// every recursive walk after the parse, zod's included), and "__proto__" keys are refused:
// JSON.parse makes them plain own properties, but any later spread or merge of the value
// would turn one into a prototype change.
import { msg } from "../i18n/msg";
import { AppError } from "./errors";
import { MAX_JSON_DEPTH } from "./limits";

/** Whether the JSON text nests arrays and objects deeper than `limit`; strings are skipped. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The parsed value, or a 400 saying why the text is refused. */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (nestsDeeperThan(text, maxDepth)) throw new AppError("BAD_REQUEST", msg("errors.request.tooDeep", { depth: maxDepth }));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (key === "__proto__") throw new ProtoKey();
      return value;
    });
  } catch (error) {
    if (error instanceof ProtoKey) throw new AppError("BAD_REQUEST", msg("errors.request.protoKey", { key: "__proto__" }));
    throw new AppError("BAD_REQUEST", msg("errors.request.notJson"));
  }
  return parsed;
}

class ProtoKey extends Error {}
