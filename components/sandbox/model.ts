// The sandbox builder's model: the scenario template is one plain JSON object, and the
// builder's fields and the JSON tab both edit it. Every edit makes a new object (the React
// state), a number field that does not hold a number keeps the text as typed so the engine's
// validation names the field, and nothing here decides what is valid: the server does
// (lib/authoring/sandbox.ts). Pure and client-safe: the lists of profiles and calls are
// written out here because components may not import the engine (a unit test keeps them equal).
import { encodeShared } from "@/lib/authoring/client";
import type { CallName, EndpointName, Profile } from "@/lib/tcp";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Template = { [key: string]: Json };
export type Path = (string | number)[];
export type Issue = { path: Path; message: string };

export const SANDBOX_PROFILES = ["rfc9293", "linux", "two-way-handshake", "no-time-wait"] as const satisfies readonly Profile[];
export const SANDBOX_CALLS = [
  "listen",
  "connect",
  "accept",
  "send",
  "read",
  "shutdown",
  "close",
  "abort",
  "crash",
] as const satisfies readonly CallName[];
export const SANDBOX_ENDPOINTS = ["client", "server"] as const satisfies readonly EndpointName[];
export const FAULT_EFFECTS = ["drop", "delay", "duplicate"] as const;
export type FaultEffect = (typeof FAULT_EFFECTS)[number];

const isObject = (value: unknown): value is { [key: string]: Json } => typeof value === "object" && value !== null && !Array.isArray(value);

export function getIn(root: Json | undefined, path: Path): Json | undefined {
  let at: Json | undefined = root;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === "number") at = at[key];
    else if (isObject(at) && typeof key === "string") at = at[key];
    else return undefined;
  }
  return at;
}

/**
 * A copy of `root` with the value at `path` set, objects made on the way; `undefined` removes
 * the key (an optional field left empty is absent, not null).
 */
export function setIn<T extends Json>(root: T, path: Path, value: Json | undefined): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  if (typeof key === "number") {
    const list = Array.isArray(root) ? [...root] : [];
    if (rest.length === 0 && value === undefined) list.splice(key, 1);
    else list[key] = setIn((list[key] ?? (typeof rest[0] === "number" ? [] : {})) as Json, rest, value);
    return list as T;
  }
  const object: { [key: string]: Json } = isObject(root) ? { ...root } : {};
  if (rest.length === 0 && value === undefined) delete object[key];
  else object[key] = setIn((object[key] ?? (typeof rest[0] === "number" ? [] : {})) as Json, rest, value);
  return object as T;
}

/** The list at `path`, or [] when the template has none (or something else there). */
export function listAt(root: Json, path: Path): Json[] {
  const value = getIn(root, path);
  return Array.isArray(value) ? value : [];
}

/** Moves item `index` of the list at `path` by `by` places (no-op at either end). */
export function moveItem(root: Template, path: Path, index: number, by: -1 | 1): Template {
  const list = [...listAt(root, path)];
  const to = index + by;
  if (to < 0 || to >= list.length) return root;
  [list[index], list[to]] = [list[to], list[index]];
  return setIn(root, path, list);
}

export function removeItem(root: Template, path: Path, index: number): Template {
  return setIn(root, [...path, index], undefined);
}

export function appendItem(root: Template, path: Path, item: Json): Template {
  return setIn(root, path, [...listAt(root, path), item]);
}

/** What a number field holds: the number when the text is one, else the text as typed ("" for empty). */
export function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

/** A field's text for a value: numbers and strings as they are, anything else empty. */
export function fieldText(value: Json | undefined): string {
  return typeof value === "number" || typeof value === "string" ? String(value) : "";
}

/** `{ "between": [lo, hi] }`, the template syntax of a value the seed picks. */
export function rangeOf(value: Json | undefined): { lo: Json; hi: Json } | null {
  if (!isObject(value) || !Array.isArray(value.between)) return null;
  return { lo: value.between[0] ?? "", hi: value.between[1] ?? "" };
}

export function makeRange(lo: Json, hi: Json): Json {
  return { between: [lo, hi] };
}

const RANGE_PATHS = (t: Template): Path[] => [
  ["timing", "latencyMs"],
  ...listAt(t, ["actions"]).map((_, i): Path => ["actions", i, "at"]),
  ...listAt(t, ["network"]).flatMap((_, i): Path[] => [
    ["network", i, "byMs"],
    ["network", i, "afterMs"],
  ]),
  ...listAt(t, ["inject"]).map((_, i): Path => ["inject", i, "at"]),
];

/** Whether the seed changes anything: a range or a "random" ISN (the seed box shows then). */
export function templateVaries(template: Template): boolean {
  if (SANDBOX_ENDPOINTS.some((e) => getIn(template, ["endpoints", e, "isn"]) === "random")) return true;
  return RANGE_PATHS(template).some((path) => rangeOf(getIn(template, path)) !== null);
}

/** Flag set text ("FIN+ACK") from the chosen flags, in the engine's order. */
export const FLAG_NAMES = ["SYN", "FIN", "RST", "PSH", "ACK"] as const;
export function flagsText(chosen: ReadonlySet<string>): string {
  return FLAG_NAMES.filter((f) => chosen.has(f)).join("+");
}
export function flagsChosen(value: Json | undefined): Set<string> {
  if (typeof value !== "string") return new Set();
  return new Set(
    value
      .split("+")
      .map((p) => p.trim().toUpperCase())
      .filter((p) => (FLAG_NAMES as readonly string[]).includes(p)),
  );
}

/** Same path, element by element. */
export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((key, i) => String(key) === String(b[i]));
}

/** The issues naming exactly this field. */
export function issuesAt(issues: readonly Issue[], path: Path): Issue[] {
  return issues.filter((issue) => samePath(issue.path, path));
}

/** "actions[2].call", as the engine writes paths (docs/scenario-format.md, Errors). */
export function pathText(path: Path): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? key : `.${key}`;
  return out;
}

/** The shared link of a template: `/sandbox?s=…` (and the seed when the template varies). */
export function shareHref(template: Template, seed: number | null): string {
  const params = new URLSearchParams({ s: encodeShared(template) });
  if (seed !== null) params.set("seed", String(seed));
  return `/sandbox?${params}`;
}

export type AskChoice = "states" | "final-state";

/** The question editor's pre-filled draft of a custom scenario question. */
export function questionDraft(template: Template, choice: { ask: AskChoice; title: string; prompt: string }) {
  return {
    family: "custom",
    params: {},
    scenario: template,
    ask: { kind: choice.ask, endpoints: ["client", "server"] },
    title: choice.title,
    prompt: choice.prompt,
  };
}

/** Where "Make a question from this" goes: the bank's new-question editor with the draft. */
export function questionHref(courseId: string, bankId: string, draft: object): string {
  return `/courses/${encodeURIComponent(courseId)}/banks/${encodeURIComponent(bankId)}/questions/new?draft=${encodeShared(draft)}`;
}

/** A new row of each list, valid as it stands. */
export const NEW_ACTION: Json = { at: 0, endpoint: "client", call: "connect" };
export const NEW_FAULT: Json = { match: { from: "client", flags: "SYN" }, effect: "drop" };
export const NEW_INJECTION: Json = { at: 0, to: "server", segment: { flags: "SYN", seq: 0 } };

/** Switching a fault's effect keeps its match and gives the effect its own field. */
export function withEffect(fault: Json, effect: FaultEffect): Json {
  const match = isObject(fault) ? (fault.match ?? {}) : {};
  if (effect === "delay") return { match, effect, byMs: isObject(fault) ? (fault.byMs ?? fault.afterMs ?? 100) : 100 };
  if (effect === "duplicate") return { match, effect, afterMs: isObject(fault) ? (fault.afterMs ?? fault.byMs ?? 100) : 100 };
  return { match, effect };
}

/** Changing a call to or from send adds or removes its byte count. */
export function withCall(action: Json, call: (typeof SANDBOX_CALLS)[number]): Json {
  const base: { [key: string]: Json } = isObject(action) ? { ...action, call } : { at: 0, endpoint: "client", call };
  if (call === "send") base.bytes = base.bytes ?? 100;
  else delete base.bytes;
  return base;
}

export type ExampleId = "handshake" | "simultaneous-close" | "lost-last-ack" | "old-duplicate-syn";

/** The examples a sandbox starts from. */
export const EXAMPLES: Record<ExampleId, Template> = {
  // Random ISNs and a latency the seed picks, so the seed box has something to vary.
  handshake: {
    timing: { latencyMs: { between: [20, 80] } },
    endpoints: { client: { isn: "random" }, server: { isn: "random" } },
    actions: [
      { at: 0, endpoint: "server", call: "listen" },
      { at: 10, endpoint: "client", call: "connect" },
      { at: 500, endpoint: "client", call: "send", bytes: 100 },
    ],
  },
  // Both close at once: FIN_WAIT_1 → CLOSING → TIME_WAIT on both sides (RFC 9293 Figure 13).
  "simultaneous-close": {
    actions: [
      { at: 0, endpoint: "server", call: "listen" },
      { at: 10, endpoint: "client", call: "connect" },
      { at: 1000, endpoint: "client", call: "close" },
      { at: 1000, endpoint: "server", call: "close" },
    ],
  },
  // The client's last ACK (its second ACK-only segment) is lost: the server retransmits its
  // FIN and the client, in TIME_WAIT, acknowledges it again (RFC 9293 §3.6).
  "lost-last-ack": {
    actions: [
      { at: 0, endpoint: "server", call: "listen" },
      { at: 10, endpoint: "client", call: "connect" },
      { at: 1000, endpoint: "client", call: "close" },
      { at: 1100, endpoint: "server", call: "close" },
    ],
    network: [{ match: { from: "client", flags: "ACK", occurrence: 2 }, effect: "drop" }],
  },
  // docs/scenario-format.md's old duplicate SYN (RFC 9293 Figure 8).
  "old-duplicate-syn": {
    actions: [
      { at: 0, endpoint: "server", call: "listen" },
      { at: 10, endpoint: "client", call: "connect" },
    ],
    network: [{ match: { from: "client", flags: "SYN" }, effect: "delay", byMs: 200 }],
    inject: [{ at: 5, to: "server", segment: { flags: "SYN", seq: 900 } }],
    untilMs: 5000,
  },
};
export const EXAMPLE_IDS = Object.keys(EXAMPLES) as ExampleId[];
