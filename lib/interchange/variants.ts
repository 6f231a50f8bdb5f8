// A bank's templates as fixed variants, for the LMS formats (types.ts): each template run for a
// few seeds, and each run's true answer mapped to the nearest question type an LMS has —
// a state sequence to an ordering, a time to a numerical answer with the template's tolerance,
// a choice to a multiple choice with the scenario's options, a segment list, the next segment
// or two final states to short-answer blanks (one field each), one final state to a multiple
// choice among the eleven states. The words are rendered in one language, the prompt's
// Markdown as the app renders it (markdown-html.ts). A seed the engine cannot run the template on is
// passed over for the next candidate; a template left with fewer variants than asked is
// reported, never silently short. Pure: no database, no clock.
import { localized } from "../i18n/localized";
import type { Locale } from "../i18n/locales";
import { msg, type Msg } from "../i18n/msg";
import { textIn } from "../i18n/translate";
import { expectedFor, instantiate, presentFor, TemplateError, type Answer, type Presentation, type QuestionTemplate } from "../questions";
import { choiceFor } from "../questions/kinds/choice-topics";
import { describeSegment, endpointName, STATES, type EndpointName } from "../tcp";
import { listHtml, markdownHtml } from "./markdown-html";
import { candidateSeed } from "./seeds";
import type { ExportBank, ExportVariant, VariantAnswer } from "./types";

export const MIN_SEEDS = 1;
export const MAX_SEEDS = 20;
/** Candidates tried per variant asked for before a template is reported as short. */
const TRIES_PER_SEED = 3;

/** A template that could not be exported with as many variants as asked: why, in the export's language. */
export interface Unexported {
  templateId: string;
  title: string;
  exported: number;
  reason: string;
}

type Render = (text: Msg | string) => string;

const other = (e: EndpointName): EndpointName => (e === "client" ? "server" : "client");

/** The given segments as monospace lines: time, direction, the segment in RFC notation, lost or not. */
export function givenLadder(given: Presentation["given"], render: Render): string {
  return given
    .map((s) =>
      render(
        msg(s.lost ? "bankTransfer.ladder.lost" : "bankTransfer.ladder.line", {
          t: String(s.sentAt),
          from: endpointName(s.from),
          to: endpointName(other(s.from)),
          segment: describeSegment(s),
        }),
      ),
    )
    .join("\n");
}

/** Ordering items must be told apart: a state met again is numbered ("CLOSED (2)"). */
function distinctItems(states: readonly string[], prefix: (s: string) => string): string[] {
  const seen = new Map<string, number>();
  return states.map((state) => {
    const n = (seen.get(state) ?? 0) + 1;
    seen.set(state, n);
    return prefix(n === 1 ? state : `${state} (${n})`);
  });
}

/** A state as answers may spell it: the engine's name and the RFC's hyphenated one. */
const stateSpellings = (state: string): string[] => [...new Set([state, state.replace(/_/g, "-")])];
/** Flags in either order ("SYN+ACK", "ACK+SYN"). */
const flagSpellings = (flags: string): string[] => [...new Set([flags, flags.split("+").reverse().join("+")])];
const endpointSpellings = (e: EndpointName, render: Render): string[] => [...new Set([e, render(endpointName(e))])];

const BLANK_KEYS = {
  sender: "bankTransfer.blank.sender",
  flags: "bankTransfer.blank.flags",
  seq: "bankTransfer.blank.seq",
  ack: "bankTransfer.blank.ack",
} as const;

function segmentBlanks(
  segment: { from: EndpointName; flags: string; seq: number | null; ack: number | null },
  n: number,
  render: Render,
): { label: string; answers: string[] }[] {
  const label = (field: keyof typeof BLANK_KEYS) => render(msg(BLANK_KEYS[field], { n }));
  const blanks = [
    { label: label("sender"), answers: endpointSpellings(segment.from, render) },
    { label: label("flags"), answers: flagSpellings(segment.flags) },
    { label: label("seq"), answers: [String(segment.seq)] },
  ];
  // A segment without ACK carries no meaningful acknowledgment number: nothing to ask.
  if (segment.flags.includes("ACK")) blanks.push({ label: label("ack"), answers: [String(segment.ack)] });
  return blanks;
}

/** The answer of a run in the nearest LMS shape. */
function answerOf(q: ReturnType<typeof instantiate>, truth: Answer, render: Render): VariantAnswer {
  const { ask } = q.template;
  switch (truth.kind) {
    case "states": {
      const endpoints = Object.keys(truth.states) as EndpointName[];
      const items = endpoints.flatMap((e) =>
        distinctItems(truth.states[e] ?? [], (state) =>
          endpoints.length > 1 ? render(msg("bankTransfer.item.endpointState", { endpoint: endpointName(e), state })) : state,
        ),
      );
      return { type: "ordering", items };
    }
    case "time": {
      if (typeof truth.ms === "number")
        return { type: "numerical", value: truth.ms, tolerance: ask.kind === "time" ? ask.toleranceMs : 0, unit: "ms" };
      // "never": no number to give, so the one word is the answer.
      return {
        type: "shortanswer",
        blanks: [{ label: render(msg("bankTransfer.blank.time")), answers: [...new Set(["never", render(msg("bankTransfer.never"))])] }],
      };
    }
    case "choice": {
      const { options } = choiceFor(ask.kind === "choice" ? ask.topic : "time-wait-endpoint", q.trace);
      return { type: "multichoice", options: options.map((o) => ({ text: render(o.label), correct: o.id === truth.choice })) };
    }
    case "final-state": {
      const endpoints = Object.keys(truth.states) as EndpointName[];
      if (endpoints.length === 1) {
        const right = truth.states[endpoints[0]];
        return { type: "multichoice", options: STATES.map((s) => ({ text: s, correct: s === right })) };
      }
      return {
        type: "shortanswer",
        blanks: endpoints.map((e) => ({
          label: render(msg("bankTransfer.blank.state", { endpoint: endpointName(e) })),
          answers: stateSpellings(truth.states[e] ?? ""),
        })),
      };
    }
    case "segments": {
      const given = ask.kind === "segments" ? ask.given : 0;
      return {
        type: "shortanswer",
        blanks: truth.segments.flatMap((s, k) => segmentBlanks({ ...s, from: s.from as EndpointName }, given + k + 1, render)),
      };
    }
    case "next": {
      const given = ask.kind === "next" ? ask.given : 0;
      const segment = { ...truth.segment, from: truth.segment.from as EndpointName };
      return {
        type: "shortanswer",
        blanks: [
          ...segmentBlanks(segment, given + 1, render),
          {
            label: render(msg("bankTransfer.blank.stateAfter", { endpoint: endpointName(segment.from) })),
            answers: stateSpellings(truth.state),
          },
        ],
      };
    }
  }
}

/** One template run for one seed, as an LMS question; throws TemplateError when the engine cannot run it. */
export function variantFor(template: QuestionTemplate, seed: number, locale: Locale): ExportVariant {
  const render: Render = textIn(locale);
  const q = instantiate(template, seed);
  const presentation = presentFor(q);
  const prompt = localized(template.prompt, locale);
  const setup = q.setup.map(render);
  const title = localized(template.title, locale);
  return {
    template: q.template,
    seed,
    name: render(msg("bankTransfer.variant.name", { title, seed: String(seed) })),
    prompt,
    html: [markdownHtml(prompt), listHtml(setup)].filter(Boolean).join("\n"),
    setup,
    given: givenLadder(presentation.given, render),
    feedback: template.explanation ? localized(template.explanation, locale) : "",
    points: template.points,
    answer: answerOf(q, expectedFor(q), render),
  };
}

/** `seeds` variants of each template (seeds from the template's id), and the templates that fell short. */
export function exportBank(
  title: string,
  templates: readonly QuestionTemplate[],
  options: { seeds: number; locale: Locale },
): { bank: ExportBank; unexported: Unexported[] } {
  const seeds = Math.min(MAX_SEEDS, Math.max(MIN_SEEDS, Math.trunc(options.seeds)));
  const questions: ExportBank["questions"] = [];
  const unexported: Unexported[] = [];
  for (const template of templates) {
    const variants: ExportVariant[] = [];
    let reason = "";
    for (let k = 0; variants.length < seeds && k < seeds * TRIES_PER_SEED; k++) {
      try {
        variants.push(variantFor(template, candidateSeed(template.id, k), options.locale));
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        reason = error.message;
      }
    }
    if (variants.length < seeds)
      unexported.push({ templateId: template.id, title: localized(template.title, options.locale), exported: variants.length, reason });
    if (variants.length > 0) questions.push({ template, variants });
  }
  return { bank: { title, questions }, unexported };
}
