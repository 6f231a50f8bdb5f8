// grade(template, seed, answer): replays the answer against the engine's trace.
// A malformed answer is not graded (valid: false, score 0, messages naming the problem),
// so a caller can decide it costs no attempt. Pure: same inputs, same result.
import { instantiate, parseAnswer, policyOf, expectedFor, type Answer, type QuestionInstance, type SegmentAnswer } from "../questions";
import { choiceFor, stateSpan, wireSegments } from "../questions/derive";
import type { EndpointName, State, StateEvent, Trace } from "../tcp";
import { alignmentCredit, firstDivergence, prefixCredit, type TruthStep } from "./align";
import { causeOfSend, describeEvent, explainStateChange } from "./describe";
import { describeSegment } from "../tcp/describe";

/**
 * Changes whenever a grading outcome could change (grader or engine behaviour), and is
 * stored with every graded response so a regrade is exact and explainable.
 */
export const GRADER_VERSION = "2026.12.01-3";

export interface FirstMistake {
  /** What the student said, and what happens. */
  said: string;
  actual: string;
  /** The event behind what happens, e.g. "t = 1050 ms: the server receives FIN+ACK seq=1001 ack=5002". */
  cause?: string;
  /** The rule in plain words, and the RFC section or profile behind it. */
  reason?: string;
  rule?: string;
  /** Index of that event in the trace, for the timeline's step-through. */
  eventIndex?: number;
}

export interface Feedback {
  correct: boolean;
  /** One line: what the score means. */
  summary: string;
  /** For an invalid answer: what is wrong with it. Otherwise: the explanation, step by step. */
  messages: string[];
  firstMistake?: FirstMistake;
  /** Credit per part (endpoint, segment, field), 0..1. */
  parts: { label: string; credit: number }[];
  /** The template's explanation of the idea behind the answer. */
  explanation?: string;
  /** What the question's topic teaches (shown after grading, never with the question). */
  concept: string;
}

export interface GradeResult {
  score: number;
  maxScore: number;
  /** false: the answer could not be read and was not graded. */
  valid: boolean;
  feedback: Feedback;
  graderVersion: string;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** "t = 60 ms: the server receives SYN seq=100. A SYN arrived …: … (RFC 9293 §3.10.7.2)." */
function sentence(e: { cause: string; reason: string; rule: string }): string {
  return `${e.cause}. ${e.reason.replace(/\.$/, "")} (${e.rule}).`;
}

/** DESIGN.md §4: grade(template, seed, answer) -> { score, maxScore, feedback }. `answer` is unknown JSON. */
export function grade(template: unknown, seed: number, answer: unknown): GradeResult {
  const q = instantiate(template, seed);
  return gradeInstance(q, answer);
}

export function gradeInstance(q: QuestionInstance, input: unknown): GradeResult {
  const maxScore = q.template.points;
  const parsed = parseAnswer(q.template.ask, input);
  if (!parsed.ok) {
    return {
      score: 0,
      maxScore,
      valid: false,
      graderVersion: GRADER_VERSION,
      feedback: { correct: false, summary: "This answer could not be read, so it was not graded.", messages: parsed.errors, parts: [], concept: q.family.concept },
    };
  }
  const expected = expectedFor(q);
  const result = compare(q, parsed.answer, expected);
  const credit = result.parts.length ? result.parts.reduce((sum, p) => sum + p.credit, 0) / result.parts.length : 0;
  const allOrNothing = policyOf(q.template) === "all-or-nothing";
  const correct = result.correct;
  const score = round((allOrNothing ? (correct ? 1 : 0) : correct ? 1 : credit) * maxScore);
  const messages = [...result.messages];
  return {
    score,
    maxScore,
    valid: true,
    graderVersion: GRADER_VERSION,
    feedback: {
      correct,
      summary: correct ? "Correct." : score > 0 ? `Partly right: ${Math.round(score * 100) / 100} of ${maxScore} point${maxScore === 1 ? "" : "s"}.` : "Not right.",
      messages,
      firstMistake: result.firstMistake,
      parts: result.parts.map((p) => ({ ...p, credit: round(p.credit) })),
      ...(q.template.explanation ? { explanation: q.template.explanation } : {}),
      concept: q.family.concept,
    },
  };
}

interface Comparison {
  correct: boolean;
  parts: { label: string; credit: number }[];
  messages: string[];
  firstMistake?: FirstMistake;
}

function compare(q: QuestionInstance, answer: Answer, expected: Answer): Comparison {
  switch (answer.kind) {
    case "states":
      return compareStates(q, answer.states);
    case "segments":
      return compareSegments(q, answer.segments, (expected as Extract<Answer, { kind: "segments" }>).segments);
    case "next":
      return compareNext(q, answer, expected as Extract<Answer, { kind: "next" }>);
    case "time":
      return compareTime(q, answer.ms, (expected as Extract<Answer, { kind: "time" }>).ms);
    case "final-state":
      return compareFinal(q, answer.states, (expected as Extract<Answer, { kind: "final-state" }>).states);
    case "choice":
      return compareChoice(q, answer.choice, (expected as Extract<Answer, { kind: "choice" }>).choice);
  }
}

// ------------------------------------------------------------------ states

/** The true sequence of an endpoint, transient steps marked, each with its state event. */
function truthSteps(trace: Trace, endpoint: EndpointName): (TruthStep<State> & { event: StateEvent | null })[] {
  const steps: (TruthStep<State> & { event: StateEvent | null })[] = [{ state: "CLOSED", transient: false, event: null }];
  for (const e of trace.events) if (e.type === "state" && e.endpoint === endpoint) steps.push({ state: e.to, transient: e.transient, event: e });
  return steps;
}

function compareStates(q: QuestionInstance, said: Partial<Record<EndpointName, State[]>>): Comparison {
  const policy = policyOf(q.template);
  const out: Comparison = { correct: true, parts: [], messages: [] };
  const endpoints = q.template.ask.kind === "states" ? q.template.ask.endpoints : [];
  for (const endpoint of endpoints) {
    const truth = truthSteps(q.trace, endpoint);
    const predicted = said[endpoint] ?? [];
    const divergence = firstDivergence(truth, predicted);
    const credit = divergence === null ? 1 : policy === "prefix" ? prefixCredit(truth, predicted) : policy === "alignment" || policy === "per-field" ? alignmentCredit(truth, predicted) : 0;
    out.parts.push({ label: `${endpoint} states`, credit });
    if (divergence === null) {
      out.messages.push(`The ${endpoint}'s states are right: ${predicted.join(" → ")}.`);
      continue;
    }
    out.correct = false;
    const mistake = describeStateMistake(q.trace, endpoint, truth, predicted, divergence.truth, divergence.predicted);
    out.messages.push(mistake.text);
    out.firstMistake ??= mistake.detail;
  }
  return out;
}

function describeStateMistake(
  trace: Trace,
  endpoint: EndpointName,
  truth: (TruthStep<State> & { event: StateEvent | null })[],
  predicted: State[],
  i: number,
  j: number,
): { text: string; detail: FirstMistake } {
  const previous = j > 0 ? predicted[j - 1] : null;
  if (i >= truth.length) {
    // The truth ended; the student went on.
    const last = truth[truth.length - 1].state;
    const said = `${last} → ${predicted[j]}`;
    return {
      text: `After ${last}, the ${endpoint} stays in ${last} until the end; you said it goes on to ${predicted[j]}.`,
      detail: { said, actual: `stays in ${last}` },
    };
  }
  const step = truth[i];
  const explanation = step.event ? explainStateChange(trace, step.event) : null;
  const because = explanation ? ` ${sentence(explanation)}` : "";
  let text: string;
  let said: string;
  if (predicted.length === 0) {
    said = "(nothing)";
    text = `You gave no states for the ${endpoint}. It starts in CLOSED and goes on to ${truth[1]?.state ?? "nothing else"}.`;
  } else if (i === 0) {
    said = predicted[0];
    text = `Every endpoint starts in CLOSED; you started the ${endpoint} in ${said}.`;
  } else if (j >= predicted.length) {
    said = `stops at ${previous ?? "(nothing)"}`;
    text = `You stopped at ${previous}, but the ${endpoint} then goes to ${step.state}.${because}`;
  } else {
    said = predicted[j];
    text = `After ${previous}, you said the ${endpoint} goes to ${predicted[j]}; it goes to ${step.state}.${because}`;
  }
  return {
    text,
    detail: {
      said,
      actual: step.state,
      ...(explanation ? { cause: explanation.cause, reason: explanation.reason, rule: explanation.rule, eventIndex: step.event!.cause } : {}),
    },
  };
}

// ------------------------------------------------------------------ segments

const FIELDS = ["from", "flags", "seq", "ack"] as const;

function segmentText(s: SegmentAnswer): string {
  return `the ${s.from || "(no sender)"} sends ${s.flags ? describeSegment({ flags: s.flags, seq: s.seq ?? Number.NaN, ack: s.ack ?? Number.NaN }).replace(/NaN/g, "?") : "(no flags)"}`;
}

function compareSegments(q: QuestionInstance, said: SegmentAnswer[], truth: SegmentAnswer[]): Comparison {
  const out: Comparison = { correct: true, parts: [], messages: [] };
  const given = q.template.ask.kind === "segments" ? q.template.ask.given : 0;
  const wire = wireSegments(q.trace);
  const n = Math.max(truth.length, said.length);
  for (let k = 0; k < n; k++) {
    const t = truth[k];
    const s = said[k];
    const label = `segment ${given + k + 1}`;
    if (!t || !s) {
      out.correct = false;
      out.parts.push({ label, credit: 0 });
      const text = !t ? `You listed ${segmentText(s)} as ${label}, but only ${truth.length} segment${truth.length === 1 ? " is" : "s are"} asked for.` : `You left out ${label}: ${segmentText(t)}.`;
      out.messages.push(text);
      out.firstMistake ??= { said: s ? segmentText(s) : "(nothing)", actual: t ? segmentText(t) : "(no more segments)" };
      continue;
    }
    const wrong = FIELDS.filter((f) => s[f] !== t[f]);
    out.parts.push({ label, credit: (FIELDS.length - wrong.length) / FIELDS.length });
    if (wrong.length === 0) continue;
    out.correct = false;
    const cause = causeOfSend(q.trace, wire[given + k].index);
    const because = cause ? ` (${describeEvent(cause)})` : "";
    out.messages.push(`${label[0].toUpperCase()}${label.slice(1)}: you said ${segmentText(s)}; ${segmentText(t)}${because}. Check ${wrong.join(", ")}.`);
    out.firstMistake ??= { said: segmentText(s), actual: segmentText(t), ...(cause ? { cause: describeEvent(cause), eventIndex: q.trace.events.indexOf(cause) } : {}) };
  }
  if (out.correct) out.messages.push(`All ${truth.length} segments are right.`);
  return out;
}

function compareNext(q: QuestionInstance, said: Extract<Answer, { kind: "next" }>, truth: Extract<Answer, { kind: "next" }>): Comparison {
  const wrong = FIELDS.filter((f) => said.segment[f] !== truth.segment[f]);
  const stateRight = said.state === truth.state;
  const parts = [...FIELDS.map((f) => ({ label: f, credit: wrong.includes(f) ? 0 : 1 })), { label: "state", credit: stateRight ? 1 : 0 }];
  if (wrong.length === 0 && stateRight) return { correct: true, parts, messages: [`Right: ${segmentText(truth.segment)} and is then in ${truth.state}.`] };
  const given = q.template.ask.kind === "next" ? q.template.ask.given : 0;
  const cause = causeOfSend(q.trace, wireSegments(q.trace)[given].index);
  const because = cause ? ` because ${describeEvent(cause).replace(/^t = /, "at t = ")}` : "";
  const blank = !said.segment.from && !said.segment.flags && said.segment.seq === null && !said.state;
  const saidText = blank ? "You left it blank." : `You said ${segmentText(said.segment)}, then ${said.state || "(no state)"}.`;
  const messages = [`Next, ${segmentText(truth.segment)}${because}, and is then in ${truth.state}. ${saidText}`];
  return {
    correct: false,
    parts,
    messages,
    firstMistake: { said: blank ? "(nothing)" : `${segmentText(said.segment)}, then ${said.state || "(no state)"}`, actual: `${segmentText(truth.segment)}, then ${truth.state}`, ...(cause ? { cause: describeEvent(cause) } : {}) },
  };
}

// ------------------------------------------------------------------ time, final state, choice

function compareTime(q: QuestionInstance, said: number | "never" | null, truth: number | "never" | null): Comparison {
  const ask = q.template.ask.kind === "time" ? q.template.ask : null;
  const tolerance = ask?.toleranceMs ?? 0;
  const right = said === truth || (typeof said === "number" && typeof truth === "number" && Math.abs(said - truth) <= tolerance);
  const parts = [{ label: "time", credit: right ? 1 : 0 }];
  if (!ask) return { correct: right, parts, messages: [] };
  const span = stateSpan(q.trace, ask.endpoint, ask.state);
  const leaving = q.trace.events.find((e): e is StateEvent => e.type === "state" && e.endpoint === ask.endpoint && e.from === ask.state && e.t === span?.leave);
  const explanation = leaving ? explainStateChange(q.trace, leaving) : null;
  const actual =
    truth === "never"
      ? `The ${ask.endpoint} never leaves ${ask.state}.`
      : ask.measure === "leave"
        ? `The ${ask.endpoint} leaves ${ask.state} at t = ${truth} ms.`
        : `The ${ask.endpoint} stays in ${ask.state} for ${truth} ms (from t = ${span?.enter} to ${span?.leave} ms).`;
  const because = explanation ? ` ${sentence(explanation)}` : "";
  return {
    correct: right,
    parts,
    messages: [right ? `Right. ${actual}` : `${said === null ? "You gave no time" : `You said ${said === "never" ? "never" : `${said} ms`}`}. ${actual}${because}`],
    ...(right ? {} : { firstMistake: { said: String(said), actual: String(truth), ...(explanation ? { ...explanation, eventIndex: leaving!.cause } : {}) } }),
  };
}

function compareFinal(q: QuestionInstance, said: Partial<Record<EndpointName, State | "">>, truth: Partial<Record<EndpointName, State | "">>): Comparison {
  const out: Comparison = { correct: true, parts: [], messages: [] };
  const at = q.template.ask.kind === "final-state" && q.template.ask.atMs !== undefined ? `at t = ${q.template.ask.atMs} ms` : "at the end";
  for (const endpoint of Object.keys(truth) as EndpointName[]) {
    const right = said[endpoint] === truth[endpoint];
    out.parts.push({ label: endpoint, credit: right ? 1 : 0 });
    if (right) {
      out.messages.push(`The ${endpoint} is in ${truth[endpoint]} ${at}: right.`);
      continue;
    }
    out.correct = false;
    out.messages.push(`${said[endpoint] ? `You said the ${endpoint} is in ${said[endpoint]}` : `You gave no state for the ${endpoint}`} ${at}; it is in ${truth[endpoint]}.`);
    out.firstMistake ??= { said: `${endpoint} in ${said[endpoint]}`, actual: `${endpoint} in ${truth[endpoint]}` };
  }
  return out;
}

function compareChoice(q: QuestionInstance, said: string | null, truth: string | null): Comparison {
  const ask = q.template.ask.kind === "choice" ? q.template.ask : null;
  const options = ask ? choiceFor(ask.topic, q.trace).options : [];
  const label = (id: string | null) => (id === null ? "(no choice)" : (options.find((o) => o.id === id)?.label ?? id));
  const right = said === truth;
  return {
    correct: right,
    parts: [{ label: "choice", credit: right ? 1 : 0 }],
    messages: [right ? `Right: ${label(truth)}.` : `You chose “${label(said)}”; the answer is “${label(truth)}”.`],
    ...(right ? {} : { firstMistake: { said: label(said), actual: label(truth) } }),
  };
}
