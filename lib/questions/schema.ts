// Question templates: a family, its parameters (or, for the family "custom", a scenario of
// its own), what is shown, what is asked, points and a partial-credit policy. Stored as JSON, validated here. What can be asked is the union of
// the answer kinds' asks (kinds/). The words (title, prompt, explanation) are an author's:
// a plain string in one language, or one text per locale.
import { z } from "zod";
import { fieldMessage } from "../i18n/field-messages";
import { localizedTextSchema } from "../i18n/localized";
import { CUSTOM_FAMILY, ScenarioTemplateSchema } from "../scenarios";
import { STATES } from "../tcp";
import { asks, kinds } from "./kinds";

export { CHOICE_TOPICS } from "./kinds/choice-topics";
export const POLICIES = ["all-or-nothing", "prefix", "alignment", "per-field"] as const;

export const AskSchema = z.discriminatedUnion("kind", asks);
export type Ask = z.infer<typeof AskSchema>;
export type AskKind = Ask["kind"];

export const QuestionTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,80}$/, "an id is lowercase letters, digits and dashes"),
    title: localizedTextSchema(120, 3),
    family: z.string().min(1),
    /** Fixed family parameters; what is left out, the seed picks. */
    params: z.record(z.string(), z.unknown()).default({}),
    /** What is asked, in plain words for students. */
    prompt: localizedTextSchema(2000, 10),
    ask: AskSchema,
    points: z.number().positive().max(100).default(1),
    policy: z.enum(POLICIES).optional(),
    /** Shown with the feedback after grading: the idea behind the answer. */
    // "" stays valid for templates stored before explanations were checked for content;
    // a text in a language is never empty.
    explanation: z.union([z.literal(""), localizedTextSchema(2000)]).optional(),
    tags: z.array(z.string().min(1).max(40)).max(20).default([]),
    /**
     * For a "states" question: the states that carry what it teaches, and the share of each
     * endpoint's credit that rests on them (lib/questions/compare/key-states.ts). Left out, every
     * state weighs the same, as before.
     */
    keyStates: z
      .object({
        states: z.array(z.enum(STATES)).min(1).max(8),
        weight: z.number().gt(0).max(1).default(0.5),
      })
      .strict()
      .optional(),
    /**
     * The question's own scenario, with the parts the seed varies (docs/scenario-format.md,
     * "Scenario templates"). Present exactly when `family` is "custom"; `params` is then {}.
     */
    scenario: ScenarioTemplateSchema.optional(),
  })
  .strict()
  .superRefine((template, ctx) => {
    const custom = template.family === CUSTOM_FAMILY.id;
    const params = { family: CUSTOM_FAMILY.id };
    if (template.scenario !== undefined && !custom)
      ctx.addIssue({ code: "custom", path: ["family"], message: fieldMessage("scenarioTemplate.scenarioNeedsCustom"), params });
    if (template.scenario === undefined && custom)
      ctx.addIssue({ code: "custom", path: ["scenario"], message: fieldMessage("scenarioTemplate.customNeedsScenario"), params });
    if (template.keyStates && template.ask.kind !== "states")
      ctx.addIssue({ code: "custom", path: ["keyStates"], message: fieldMessage("scenarioTemplate.keyStatesNeedStates") });
    if (template.keyStates && new Set(template.keyStates.states).size !== template.keyStates.states.length)
      ctx.addIssue({ code: "custom", path: ["keyStates", "states"], message: fieldMessage("scenarioTemplate.keyStatesRepeated") });
    if (custom && Object.keys(template.params).length > 0)
      ctx.addIssue({ code: "custom", path: ["params"], message: fieldMessage("scenarioTemplate.noParams") });
  });

export type QuestionTemplate = z.output<typeof QuestionTemplateSchema>;
export type QuestionTemplateInput = z.input<typeof QuestionTemplateSchema>;
export type Policy = (typeof POLICIES)[number];

/** The template's policy, or else its kind's default. */
export function policyOf(template: QuestionTemplate): Policy {
  return template.policy ?? kinds[template.ask.kind].defaultPolicy;
}
