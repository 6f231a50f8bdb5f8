// The template being edited, as plain JSON: reading and writing a field by its path, the
// problems the server found at each path, the template a kind or a family starts from, and
// the per-question key unsaved drafts are kept under in the browser's localStorage.
import type { FormField } from "@/lib/authoring/param-fields";

export type TemplateDraft = Record<string, unknown>;
export type IssuePath = (string | number)[];
export interface Issue {
  path: IssuePath;
  message: string;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The issue's path below the template, dotted: ["template", "ask", "endpoints"] → "ask.endpoints". */
export function issueKey(issue: Issue): string {
  const path = issue.path[0] === "template" ? issue.path.slice(1) : issue.path;
  return path.join(".");
}

/** The issues at `key` or below it. */
export function issuesAt(issues: readonly Issue[], key: string): Issue[] {
  return issues.filter((i) => {
    const k = issueKey(i);
    return k === key || k.startsWith(`${key}.`);
  });
}

/** The issues no shown field claims. */
export function unclaimed(issues: readonly Issue[], keys: readonly string[]): Issue[] {
  return issues.filter((i) => {
    const k = issueKey(i);
    return !keys.some((key) => k === key || k.startsWith(`${key}.`));
  });
}

/** A copy of the object with `name` set, or left out when `value` is undefined. */
export function withValue(object: unknown, name: string, value: unknown): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(isObject(object) ? object : {}) };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

/** What a field starts as when a kind is picked: a required field gets its first allowed value. */
function startValue(field: FormField): unknown {
  if (field.optional) return undefined;
  switch (field.type) {
    case "integer":
      return field.min ?? 0;
    case "boolean":
      return false;
    case "enum":
      return field.options[0];
    case "set":
      return field.options.slice(0, Math.max(field.minItems, field.maxItems));
  }
}

/** The ask of `kind` with every required field filled. */
export function askFor(kind: string, fields: readonly FormField[]): Record<string, unknown> {
  const ask: Record<string, unknown> = { kind };
  for (const field of fields) {
    const value = startValue(field);
    if (value !== undefined) ask[field.name] = value;
  }
  return ask;
}

/** A scenario to start a custom question from: the server listens, the client connects, both close. */
export const STARTER_SCENARIO = {
  timing: { latencyMs: { between: [20, 80] } },
  endpoints: { client: { isn: "random" }, server: { isn: "random" } },
  actions: [
    { at: 0, endpoint: "server", call: "listen" },
    { at: 10, endpoint: "client", call: "connect" },
    { at: 400, endpoint: "client", call: "close" },
  ],
};

/** A new question's template: a handshake, asking for both endpoints' states. */
export function emptyTemplate(): TemplateDraft {
  return {
    id: "",
    title: "",
    family: "handshake",
    params: {},
    prompt: "",
    ask: { kind: "states", endpoints: ["client", "server"] },
    points: 1,
    tags: [],
  };
}

/** Where a question's unsaved draft is kept in this browser. */
export function draftStorageKey(courseId: string, bankId: string, key: string | null): string {
  return `synack-editor:${courseId}:${bankId}:${key ?? "new"}`;
}

/** Tags typed as "a, b, c". */
export function parseTags(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}
