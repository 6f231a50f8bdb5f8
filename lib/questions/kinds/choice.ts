// "choice": a conceptual multiple-choice question whose options and answer come from the
// scenario (choice-topics.ts). Right or wrong.
import { z } from "zod";
import { msg, type Msg } from "../../i18n/msg";
import { CHOICE_TOPICS, choiceFor, type ChoiceOption } from "./choice-topics";
import type { AnswerKind, Comparison, InstanceOf } from "./kind";

export const ask = z.object({ kind: z.literal("choice"), topic: z.enum(CHOICE_TOPICS) }).strict();

export interface Format {
  kind: "choice";
  question: Msg;
  options: ChoiceOption[];
}

const AnswerSchema = z.object({ choice: z.union([z.null(), z.string().max(60)]).default(null) });
export type Answer = z.output<typeof AnswerSchema>;

const DraftSchema = z.object({ choice: z.string().max(60).nullable() }).strict();
export type Draft = z.infer<typeof DraftSchema>;

const expected = (q: InstanceOf<"choice">): { kind: "choice" } & Answer => ({
  kind: "choice",
  choice: choiceFor(q.template.ask.topic, q.trace).correct,
});

export const choice: AnswerKind<"choice", Format, Answer, Draft> = {
  ask,
  defaultPolicy: "all-or-nothing",
  answer: () => AnswerSchema,
  draft: () => DraftSchema,
  format(q) {
    const { question, options } = choiceFor(q.template.ask.topic, q.trace);
    return { kind: "choice", question, options };
  },
  expected,

  compare(q, { choice: said }, { choice: truth }): Comparison {
    const { options } = choiceFor(q.template.ask.topic, q.trace);
    const label = (id: string | null) => (id === null ? msg("feedback.choice.none") : (options.find((o) => o.id === id)?.label ?? id));
    const right = said === truth;
    return {
      correct: right,
      parts: [{ label: msg("feedback.parts.choice"), credit: right ? 1 : 0 }],
      messages: [
        right
          ? msg("feedback.choice.right", { answer: label(truth) })
          : msg("feedback.choice.wrong", { said: label(said), actual: label(truth) }),
      ],
      ...(right
        ? {}
        : {
            firstMistake: {
              said: label(said),
              actual: label(truth),
              key: { kind: "choice", topic: q.template.ask.topic, said: said ?? "none", actual: truth ?? "none" },
            },
          }),
    };
  },

  cases(q) {
    const { options, correct } = choiceFor(q.template.ask.topic, q.trace);
    return {
      correct: [{ choice: correct }],
      incorrect: [...options.filter((o) => o.id !== correct).map((o) => ({ choice: o.id })), { choice: null }, {}],
      invalid: [{ choice: 2 }, { choice: "x".repeat(61) }, { choice: [correct] }],
    };
  },
};
