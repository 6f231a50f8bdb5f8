// The contract of an answer kind: every step of a question's life that depends on what is
// asked (the ask schema, the answer and draft schemas, what the browser is shown, the expected
// answer, the comparison, the default policy and the kind's own test cases) in one object.
import type { z } from "zod";
import type { Text } from "../../i18n/msg";
import type { QuestionInstance } from "../instance";
import type { MistakeKey } from "../mistake-key";
import type { Ask, AskKind, Policy, QuestionTemplate } from "../schema";

/** The ask of one kind, e.g. AskOf<"time"> has endpoint, state, measure and toleranceMs. */
export type AskOf<K extends AskKind> = Extract<Ask, { kind: K }>;

/** A question instance whose template asks for kind K. */
export type InstanceOf<K extends AskKind> = QuestionInstance & { template: QuestionTemplate & { ask: AskOf<K> } };

/**
 * What went wrong first, for the feedback's highlight and the timeline's step-through. The
 * words are catalog messages (Text: feedback stored before they were holds strings).
 */
export interface FirstMistake {
  /** What the student said, and what happens. */
  said: Text;
  actual: Text;
  /** The event behind what happens, e.g. "t = 1050 ms: the server receives FIN+ACK seq=1001 ack=5002". */
  cause?: Text;
  /** The rule in plain words, and the RFC section or profile behind it (a citation, the same in every language). */
  reason?: Text;
  rule?: string;
  /** Index of that event in the trace, for the timeline's step-through. */
  eventIndex?: number;
  /** The misconception, language-free (mistake-key.ts): what groups it with the same mistake of other students. */
  key: MistakeKey;
}

/** A parsed answer set against the truth: credit per part and the explanation, step by step. */
export interface Comparison {
  correct: boolean;
  parts: { label: Text; credit: number }[];
  messages: Text[];
  firstMistake?: FirstMistake;
}

/**
 * Answers as a student would send them (JSON, no `kind`), for the kind's own tests:
 * each `correct` one earns full marks, each `incorrect` one less, each `invalid` one is
 * not graded at all.
 */
export interface Cases {
  correct: unknown[];
  incorrect: unknown[];
  invalid: unknown[];
}

/**
 * One answer kind. `Format` is what the widget is given, `Answer` a parsed answer (blank
 * parts are "" or null), `Draft` an answer still being written, as it is saved.
 */
export interface AnswerKind<K extends AskKind, Format extends { kind: K }, Answer, Draft> {
  /** The `ask` of a template of this kind (listed in schema.ts's AskSchema). */
  ask: z.ZodType<AskOf<K>>;
  defaultPolicy: Policy;
  /** How many of the trace's first segments the question shows (absent: none). */
  given?(ask: AskOf<K>): number;
  /**
   * The answer and draft schemas depend on the ask only through this key (absent: not at
   * all), so one schema serves every question with the same key.
   */
  schemaKey?(ask: AskOf<K>): string;
  /** Strict: what may be graded. Blank parts parse as "" or null, not as errors. */
  answer(ask: AskOf<K>): z.ZodType<Answer>;
  /** Lenient: the shape and size of a draft, for saving it while the student works. */
  draft(ask: AskOf<K>): z.ZodType<Draft>;
  /** What the widget needs, and nothing that gives the answer away. */
  format(q: InstanceOf<K>): Format;
  /** Server only: never sent to the browser before feedback is released. */
  expected(q: InstanceOf<K>): { kind: K } & Answer;
  compare(q: InstanceOf<K>, said: Answer, truth: Answer, policy: Policy): Comparison;
  cases(q: InstanceOf<K>): Cases;
}
