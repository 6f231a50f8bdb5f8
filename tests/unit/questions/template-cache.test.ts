// One template cache, two lookups: by stored question and by object identity.
import { afterEach, describe, expect, it, vi } from "vitest";
import { instantiate, QuestionTemplateSchema, starterLibrary, templateOf } from "@/lib/questions";

afterEach(() => vi.restoreAllMocks());

describe("template cache", () => {
  const stored = { id: "question-row-1", template: JSON.stringify(starterLibrary[0]) };

  it("parses a stored question once", () => {
    const parse = vi.spyOn(QuestionTemplateSchema, "parse");
    const first = templateOf(stored);
    expect(templateOf({ ...stored })).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it("instantiates a template it returned without validating it again", () => {
    const template = templateOf({ id: "question-row-2", template: JSON.stringify(starterLibrary[1]) });
    const validate = vi.spyOn(QuestionTemplateSchema, "safeParse");
    const q = instantiate(template, 42);
    expect(q.template).toBe(template);
    expect(validate).not.toHaveBeenCalled();
  });

  it("validates any other template object once", () => {
    const template = structuredClone(starterLibrary[2]);
    const validate = vi.spyOn(QuestionTemplateSchema, "safeParse");
    instantiate(template, 1);
    instantiate(template, 2);
    expect(validate).toHaveBeenCalledTimes(1);
  });
});
