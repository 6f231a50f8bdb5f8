// State names as students write them: the common spellings are accepted (SYN-SENT,
// syn_sent, FIN-WAIT-1, TIME-WAIT, and netstat's SYN_RECV / SYN_RCVD / ESTAB); anything
// else is an error that suggests the nearest real state. Client-safe: the grader and the
// state-sequence widget's typed entry read names the same way.
import { msg, type Msg } from "../i18n/msg";
import { STATES, type State } from "../tcp/trace";

const ALIASES: Record<string, State> = { SYN_RECV: "SYN_RECEIVED", SYN_RCVD: "SYN_RECEIVED", ESTAB: "ESTABLISHED" };

const normalise = (input: string) =>
  input
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");

const EXACT: ReadonlySet<string> = new Set(STATES);

export function parseStateName(input: string): { state: State } | { error: Msg } {
  // A name written as the trace writes it is looked up as it is, with no strings made.
  if (EXACT.has(input)) return { state: input as State };
  const key = normalise(input);
  if ((STATES as readonly string[]).includes(key)) return { state: key as State };
  if (ALIASES[key]) return { state: ALIASES[key] };
  const suggestion = nearestState(key);
  return {
    error: suggestion
      ? msg("feedback.parse.notState", { input, suggestion })
      : msg("feedback.parse.notStateList", { input, states: STATES.join(", ") }),
  };
}

/**
 * Typed entry in a widget: a state name as parseStateName reads it, or else the first state
 * the text begins (so "fin" adds FIN_WAIT_1). null: nothing typed.
 */
export function matchStateName(input: string): { state: State } | { error: Msg } | null {
  const key = normalise(input);
  if (!key) return null;
  const parsed = parseStateName(input);
  if ("state" in parsed) return parsed;
  const prefixed = STATES.find((s) => s.startsWith(key));
  return prefixed ? { state: prefixed } : parsed;
}

function nearestState(key: string): State | null {
  let best: State | null = null;
  let bestDistance = 4;
  for (const state of STATES) {
    const d = levenshtein(key, state);
    if (d < bestDistance) {
      best = state;
      bestDistance = d;
    }
  }
  return best;
}

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return row[b.length];
}
