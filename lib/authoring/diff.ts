// What changed between two versions of a question: microdiff over the two template objects,
// each difference as a path (`ask.endpoint`, `tags[1]`, `title.zh-CN`), what it was and
// what it became, and the sentence that says it in the reader's language. Pure and
// client-safe: the history page renders the sentences, the API returns the changes.
import microdiff from "microdiff";
import { msg, type Msg } from "../i18n/msg";

export type ChangeType = "added" | "removed" | "changed";

export type TemplateChange = {
  type: ChangeType;
  path: (string | number)[];
  /** What the field held before (absent for an addition). */
  before?: unknown;
  /** What it holds after (absent for a removal). */
  after?: unknown;
};

const TYPES = { CREATE: "added", REMOVE: "removed", CHANGE: "changed" } as const;

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === "object" && v !== null;

/** Every difference between two templates (any JSON), in the order microdiff walks them. */
export function templateDiff(before: unknown, after: unknown): TemplateChange[] {
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) {
    return Object.is(before, after) ? [] : [{ type: "changed", path: [], before, after }];
  }
  return microdiff(before, after).map((d) => {
    const change: TemplateChange = { type: TYPES[d.type], path: d.path };
    if (d.type !== "CREATE") change.before = d.oldValue;
    if (d.type !== "REMOVE") change.after = d.value;
    return change;
  });
}

/** `ask.endpoint`, `tags[1]`, `title.zh-CN`; the whole template is `template`. */
export function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return "template";
  return path.reduce<string>((out, part, i) => (typeof part === "number" ? `${out}[${part}]` : i === 0 ? part : `${out}.${part}`), "");
}

/** Longest value a sentence shows in full; a longer one ends in "…". */
export const VALUE_CHARS = 160;

/** A value as it reads in a sentence: JSON (strings quoted), shortened past VALUE_CHARS. */
export function valueText(value: unknown): string {
  const text = value === undefined ? "—" : JSON.stringify(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
}

/** The template's top-level parts the sentences name in words; any other is "other". */
const PARTS = [
  "id",
  "title",
  "family",
  "params",
  "prompt",
  "ask",
  "points",
  "policy",
  "explanation",
  "tags",
  "scenario",
  "keyStates",
] as const;

function partOf(path: readonly (string | number)[]): string {
  const first = path[0];
  return typeof first === "string" && (PARTS as readonly string[]).includes(first) ? first : "other";
}

/** "The prompt (`prompt.en`) changed from "…" to "…"." in the reader's language. */
export function changeSentence(change: TemplateChange): Msg {
  const values = { part: partOf(change.path), path: pathText(change.path) };
  if (change.type === "added") return msg("banks.diff.added", { ...values, after: valueText(change.after) });
  if (change.type === "removed") return msg("banks.diff.removed", { ...values, before: valueText(change.before) });
  return msg("banks.diff.changed", { ...values, before: valueText(change.before), after: valueText(change.after) });
}
