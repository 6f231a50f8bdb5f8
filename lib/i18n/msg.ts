// Text that is rendered in the reader's language: a message id from the catalogs and its
// parameters, never an English sentence. The engine, the scenario families and the grader
// produce these; pages and components render them (render.ts) in whichever language the
// reader chose, so a feedback stored once reads in English to one reader and in Chinese
// to another. Pure and client-safe.
import type { Messages } from "../../messages";

/** "a.b.c" for every leaf string of the catalog. */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;

/** A parameter: a number (formatted per locale by ICU), a literal (a state name, a flag), a nested message or a list of them. */
export type MsgValue = string | number | Msg | readonly Msg[];

export interface Msg {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, MsgValue>>;
}

/**
 * What a text field may hold: a message, or a plain string that is shown as it is — the
 * words an author typed, or feedback stored before messages were structured.
 */
export type Text = string | Msg;

export function msg(key: MessageKey, values?: Record<string, MsgValue>): Msg {
  return values ? { key, values } : { key };
}

export function isMsg(value: unknown): value is Msg {
  return typeof value === "object" && value !== null && typeof (value as { key?: unknown }).key === "string";
}
