// The editor's check of a template being written: what QuestionTemplateSchema says, plus the
// family and its parameters, each problem at the path of the field it names; and one variant's
// preview, with the expected answer and the trace only when asked for.
import { describe, expect, it } from "vitest";
import { EditableTemplateSchema, previewVariant } from "@/lib/authoring/preview";
import { expectedAnswer, QuestionTemplateSchema, type QuestionTemplateInput } from "@/lib/questions";
import { AppError } from "@/lib/server/errors";

const base: QuestionTemplateInput = {
  id: "preview-test",
  title: "A test question",
  family: "lost-syn",
  params: { losses: 2 },
  prompt: "What does the client do?",
  ask: { kind: "states", endpoints: ["client"] },
};

const paths = (value: unknown) => {
  const parsed = EditableTemplateSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
};

describe("EditableTemplateSchema", () => {
  it("accepts a valid template", () => {
    expect(paths(base)).toEqual([]);
  });

  it("puts schema problems at their fields", () => {
    expect(paths({ ...base, id: "X", ask: { kind: "states", endpoints: [] } }).sort()).toEqual(["ask.endpoints", "id"]);
  });

  it("names a family that does not exist at `family`", () => {
    const parsed = EditableTemplateSchema.safeParse({ ...base, family: "lost-everything", params: {} });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ["family"], message: "editor.issues.unknownFamily", params: { family: "lost-everything" } }),
    ]);
  });

  it("checks parameters against the family, each at its own path", () => {
    const parsed = EditableTemplateSchema.safeParse({ ...base, params: { losses: 9, colour: "red" } });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ["params", "losses"], message: "errors.field.tooLarge", params: { maximum: 4 } }),
      expect.objectContaining({ path: ["params", "colour"], message: "editor.issues.unknownParam", params: { name: "colour" } }),
    ]);
  });
});

describe("previewVariant", () => {
  const template = QuestionTemplateSchema.parse(base);

  it("shows a student's view only, unless the answer is asked for", () => {
    const shown = previewVariant(template, 42, false);
    expect(Object.keys(shown)).toEqual(["presentation"]);
    expect(shown.presentation.answer).toEqual({ kind: "states", endpoints: ["client"] });
    expect(JSON.stringify(shown)).not.toContain("SYN_SENT");
  });

  it("gives the expected answer and the trace to those who may see them", () => {
    const full = previewVariant(template, 42, true);
    expect(full.expected).toEqual(expectedAnswer(template, 42));
    // Two SYNs lost, the third gets through: the client leaves SYN_SENT for ESTABLISHED (RFC 9293 §3.10.7.3).
    expect(full.expected).toEqual({ kind: "states", states: { client: ["CLOSED", "SYN_SENT", "ESTABLISHED"] } });
    expect(full.trace?.events.filter((e) => e.type === "drop")).toHaveLength(2);
  });

  it("answers a seed the template cannot be presented with as a 422 naming the seed", () => {
    const tooMany = QuestionTemplateSchema.parse({ ...base, family: "handshake", params: {}, ask: { kind: "next", given: 12 } });
    try {
      previewVariant(tooMany, 5, false);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("UNPROCESSABLE");
      expect((error as AppError).text).toMatchObject({ key: "editor.errors.seedFails", values: { seed: 5 } });
    }
  });
});
