// A multiple-choice question from another system becomes a choice question only when the engine
// agrees with it: its options are a topic's (either language), and the scenario it is given makes
// the file's right option the engine's answer for every seed.
import { describe, expect, it } from "vitest";
import { mapForeignChoice, type ForeignChoice } from "@/lib/interchange/foreign-choice";
import { textIn } from "@/lib/i18n/translate";
import { expectedAnswer } from "@/lib/questions/expected";
import { CHOICE_TOPICS, choiceFor } from "@/lib/questions/kinds/choice-topics";
import { starterLibrary } from "@/lib/questions/library";
import { instantiate } from "@/lib/questions/instance";
import { QuestionTemplateSchema } from "@/lib/questions/schema";

const anyTrace = instantiate(starterLibrary[0], 1).trace;

/** The question a topic asks, written out in `locale` as another system would hold it, with `right` marked right. */
function written(
  topic: (typeof CHOICE_TOPICS)[number],
  right: string,
  locale: "en" | "zh-CN",
  over: Partial<ForeignChoice> = {},
): ForeignChoice {
  const t = textIn(locale);
  const { question, options } = choiceFor(topic, anyTrace);
  return {
    name: `Imported ${topic}`,
    html: `<p>${t(question)}</p>`,
    points: 1,
    options: options.map((o) => ({ html: `<p>${t(o.label)}</p>`, correct: o.id === right })),
    ...over,
  };
}

describe("a foreign multiple-choice question", () => {
  it("comes in only with a scenario whose answer, for every seed, is the file's right option", () => {
    let mapped = 0;
    for (const topic of CHOICE_TOPICS)
      for (const locale of ["en", "zh-CN"] as const)
        for (const { id } of choiceFor(topic, anyTrace).options) {
          const result = mapForeignChoice(written(topic, id, locale));
          if (!result.ok) {
            expect(result.reason).toBe("bankFormats.skipped.choiceNoScenario");
            continue;
          }
          mapped++;
          const template = QuestionTemplateSchema.parse(result.template);
          expect(template.ask).toEqual({ kind: "choice", topic });
          for (let seed = 100; seed < 110; seed++)
            expect(expectedAnswer(template, seed), `${topic} ${id} seed ${seed}`).toEqual({ kind: "choice", choice: id });
        }
    expect(mapped).toBeGreaterThan(CHOICE_TOPICS.length * 2);
  });

  it("is skipped when no scenario makes its right option true: closing takes at least three segments", () => {
    expect(mapForeignChoice(written("segments-to-close", "2", "en"))).toEqual({
      ok: false,
      reason: "bankFormats.skipped.choiceNoScenario",
      values: { answer: "2 segments" },
    });
  });

  it("tells apart topics with the same options by the question's words, and skips it when they say nothing", () => {
    const who = (html: string) => mapForeignChoice(written("rst-sender", "both", "en", { html }));
    expect(who("<p>Who ends up in TIME-WAIT?</p>")).toMatchObject({ ok: true, template: { ask: { topic: "time-wait-endpoint" } } });
    expect(who("<p>Who sends a reset?</p>")).toMatchObject({ ok: true, template: { ask: { topic: "rst-sender" } } });
    expect(who("<p>Which one is it?</p>")).toEqual({ ok: false, reason: "bankFormats.skipped.choiceAmbiguous" });
  });

  it("needs exactly one right option", () => {
    const question = written("connect-outcome", "reset", "en");
    question.options[0].correct = true;
    expect(mapForeignChoice(question)).toEqual({ ok: false, reason: "bankFormats.skipped.choiceOneRight", values: { count: 2 } });
  });

  it("takes the topic's own question as title and prompt when the file's are too short, and makes an id from any name", () => {
    const result = mapForeignChoice(written("connect-outcome", "timeout", "zh-CN", { name: "连接", html: "<p>?</p>", points: 0 }));
    const asked = textIn("zh-CN")(choiceFor("connect-outcome", anyTrace).question);
    expect(result).toMatchObject({ ok: true, template: { id: "imported-connect-outcome", title: asked, prompt: asked, points: 1 } });
  });
});
