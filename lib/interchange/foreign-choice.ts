// A multiple-choice question from elsewhere, read as a `choice` question where it can be one.
// A question here is computed by the TCP engine from a scenario, so a fixed question can only
// come in when it asks what one of the choice kind's topics asks (the same options, in
// either language) and a scenario of the starter library gives its right option. The new
// template takes the file's name and words and that library question's family and
// parameters; the engine then computes the answer for each seed as for any question here.
// Pure: the library and the engine are deterministic.
import { LOCALES, type Locale } from "../i18n/locales";
import type { MessageKey, MsgValue } from "../i18n/msg";
import { textIn } from "../i18n/translate";
import { instantiate } from "../questions/instance";
import { CHOICE_TOPICS, choiceFor, type ChoiceTopic } from "../questions/kinds/choice-topics";
import { starterLibrary } from "../questions/library";
import type { QuestionTemplate, QuestionTemplateInput } from "../questions/schema";
import { plainText } from "./html";

/** A multiple-choice question as a file gives it: its name, text (HTML) and options. */
export interface ForeignChoice {
  name: string;
  html: string;
  points: number;
  options: { html: string; correct: boolean }[];
}

export type ChoiceMapping =
  { ok: true; template: QuestionTemplateInput } | { ok: false; reason: MessageKey; values?: Record<string, MsgValue> };

// The seeds a library question is run for to see that its right option does not depend on the seed.
const PROBE_SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);

interface TopicFacts {
  topic: ChoiceTopic;
  /** Each option's id and its label in each language, normalized. */
  options: { id: string; labels: Record<Locale, string> }[];
  /** The topic's own question in each language, as shown and normalized. */
  questions: Record<Locale, { shown: string; normalized: string }>;
  /** Library questions (those of the topic first) and the option each makes right for every probed seed (null: it varies). */
  sources: { template: QuestionTemplate; correct: string | null }[];
}

// Options compared as words: case, width and spacing aside (Chinese sets no space between a
// number and its measure word, where an author may type one).
const normalize = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/ ?([\u3000-\u9fff]) ?/g, "$1")
    .trim();

let facts: Map<ChoiceTopic, TopicFacts> | null = null;

/**
 * Each topic's options and question, and the scenarios that can stand behind it: every starter
 * library question's family and parameters (those that ask this topic first), with the option
 * the topic's question has right in their trace, when that is the same for every probed seed.
 */
function topicFacts(): Map<ChoiceTopic, TopicFacts> {
  if (facts) return facts;
  const render = Object.fromEntries(LOCALES.map((l) => [l, textIn(l)])) as Record<Locale, ReturnType<typeof textIn>>;
  const traces = starterLibrary.flatMap((template) => {
    try {
      return [{ template, traces: PROBE_SEEDS.map((seed) => instantiate(template, seed).trace) }];
    } catch {
      return []; // a library question that cannot run a probed seed stands behind nothing
    }
  });
  const asks = (t: QuestionTemplate, topic: ChoiceTopic) => t.ask.kind === "choice" && t.ask.topic === topic;
  facts = new Map();
  for (const topic of CHOICE_TOPICS) {
    const sample = choiceFor(topic, traces[0].traces[0]);
    const sources = [...traces]
      .sort((a, b) => Number(asks(b.template, topic)) - Number(asks(a.template, topic)))
      .map(({ template, traces: runs }) => {
        const answers = runs.map((trace) => choiceFor(topic, trace).correct);
        return { template, correct: answers.every((a) => a === answers[0]) ? answers[0] : null };
      });
    facts.set(topic, {
      topic,
      options: sample.options.map((o) => ({
        id: o.id,
        labels: Object.fromEntries(LOCALES.map((l) => [l, normalize(render[l](o.label))])) as Record<Locale, string>,
      })),
      questions: Object.fromEntries(
        LOCALES.map((l) => {
          const shown = render[l](sample.question);
          return [l, { shown, normalized: normalize(shown) }];
        }),
      ) as TopicFacts["questions"],
      sources,
    });
  }
  return facts;
}

// Words that tell apart topics with the same options ("Only the client", "Only the server", …).
const KEYWORDS: Partial<Record<ChoiceTopic, RegExp>> = {
  "time-wait-endpoint": /time[\s_-]?wait/i,
  "rst-sender": /\brst\b|\breset\b|复位|重置/i,
};

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
}

/** The topic whose options these are, the language they are in, and which option is right. */
function matchTopic(question: ForeignChoice): ChoiceMapping | { ok: true; facts: TopicFacts; locale: Locale; correctId: string } {
  const right = question.options.filter((o) => o.correct);
  if (right.length !== 1) return { ok: false, reason: "bankFormats.skipped.choiceOneRight", values: { count: right.length } };
  const said = question.options.map((o) => normalize(plainText(o.html)));
  const text = normalize(plainText(question.html));
  const fitting: { facts: TopicFacts; locale: Locale }[] = [];
  for (const entry of topicFacts().values())
    for (const locale of LOCALES)
      if (
        sameSet(
          said,
          entry.options.map((o) => o.labels[locale]),
        )
      ) {
        fitting.push({ facts: entry, locale });
        break;
      }
  if (fitting.length === 0) return { ok: false, reason: "bankFormats.skipped.choiceNoTopic" };
  let chosen = fitting;
  if (chosen.length > 1) chosen = fitting.filter((f) => LOCALES.some((l) => text.includes(f.facts.questions[l].normalized)));
  if (chosen.length !== 1) chosen = fitting.filter((f) => KEYWORDS[f.facts.topic]?.test(text));
  if (chosen.length !== 1) return { ok: false, reason: "bankFormats.skipped.choiceAmbiguous" };
  const [{ facts: entry, locale }] = chosen;
  const rightLabel = normalize(plainText(right[0].html));
  const correctId = entry.options.find((o) => o.labels[locale] === rightLabel)!.id;
  return { ok: true, facts: entry, locale, correctId };
}

/** An id from the question's name: lowercase letters, digits and dashes. */
function idFrom(name: string, topic: ChoiceTopic): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `imported-${slug || topic}`.slice(0, 81).replace(/-+$/, "");
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The `choice` template a foreign multiple-choice question becomes, or why it cannot be one. */
export function mapForeignChoice(question: ForeignChoice): ChoiceMapping {
  const matched = matchTopic(question);
  if (!("facts" in matched)) return matched;
  const { facts: entry, locale, correctId } = matched;
  const source = entry.sources.find((s) => s.correct === correctId);
  if (!source) {
    const answer = plainText(question.options.find((o) => o.correct)!.html);
    return { ok: false, reason: "bankFormats.skipped.choiceNoScenario", values: { answer } };
  }
  const name = plainText(question.name);
  const words = plainText(question.html);
  const { template } = source;
  const asked = entry.questions[locale].shown;
  return {
    ok: true,
    template: {
      id: idFrom(name, entry.topic),
      title: clip(name.length >= 3 ? name : asked, 120),
      family: template.family,
      params: template.params,
      ...(template.scenario ? { scenario: template.scenario } : {}),
      prompt: clip(words.length >= 10 ? words : asked, 2000),
      ask: { kind: "choice", topic: entry.topic },
      points: question.points > 0 && question.points <= 100 ? question.points : 1,
      tags: [],
    },
  };
}
