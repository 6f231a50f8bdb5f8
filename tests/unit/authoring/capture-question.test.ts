// "Make a question from this capture": the draft built from a real capture's reconstruction
// is a valid custom question whose students see exactly the first K captured segments and
// are asked for the next, or are asked for both endpoints' final states.
import { describe, expect, it } from "vitest";
import { importCapture } from "@/lib/authoring/capture-import";
import { captureQuestion, givenLimit, MAX_GIVEN_SEGMENTS } from "@/lib/authoring/capture-question";
import { decodeShared, encodeShared, MAX_SHARED_CHARS } from "@/lib/authoring/share";
import { textIn } from "@/lib/i18n/translate";
import { expectedAnswer, present } from "@/lib/questions";
import { QuestionTemplateSchema } from "@/lib/questions/schema";
import { fixture } from "../capture/fixtures";

const analysis = importCapture(fixture("relayed-close-nano.pcap"), {}, textIn("en")).analysis!;
const run = { scenario: analysis.scenario, sent: analysis.sent };
const words = { title: "A captured close", prompt: "You see the first captured segments. What is sent next?" };
// The draft is a template input: the editor gives it its id (the bank's key) when saved.
const asTemplate = (draft: object) => QuestionTemplateSchema.parse({ id: "captured-close", ...draft });

describe("captureQuestion", () => {
  it("the capture's run sends its nine captured segments, so up to eight may be given", () => {
    expect(analysis.rows.filter((row) => row.capture !== null)).toHaveLength(9);
    expect(run.sent).toBe(9);
    expect(givenLimit(run.sent)).toBe(8);
  });

  it("for every K from 0 to the last, the question validates and its students see exactly the first K captured segments", () => {
    const captured = analysis.rows.map((row) => row.capture!);
    for (let k = 0; k <= 8; k++) {
      const draft = captureQuestion(run, { ask: "next", given: k, ...words });
      expect(draft).toEqual({ family: "custom", params: {}, scenario: analysis.scenario, ask: { kind: "next", given: k }, ...words });
      const template = asTemplate(draft);
      const shown = present(template, 1);
      expect(shown.title).toBe(words.title);
      expect(shown.prompt).toBe(words.prompt);
      expect(shown.given).toHaveLength(k);
      expect(shown.given.map((s) => [s.from, s.flags, s.seq, s.ack, s.len])).toEqual(
        captured.slice(0, k).map((s) => [s.from, s.flags, s.seq, s.ack, s.len]),
      );
      // The segment asked for is the next one captured.
      const next = expectedAnswer(template, 1) as { segment: { flags: string; seq: number } };
      expect(next.segment.seq).toBe(captured[k].seq);
    }
  });

  it("asks for both endpoints' final states with nothing given", () => {
    const draft = captureQuestion(run, { ask: "final-state", given: 3, ...words });
    expect(draft.ask).toEqual({ kind: "final-state", endpoints: ["client", "server"] });
    const template = asTemplate(draft);
    expect(present(template, 1).given).toHaveLength(0);
    expect(expectedAnswer(template, 1)).toMatchObject({ states: { client: "TIME_WAIT", server: "CLOSED" } });
  });

  it("keeps K within 0 and all but the last segment, at most the next kind's 40", () => {
    expect(captureQuestion(run, { ask: "next", given: 99, ...words }).ask).toEqual({ kind: "next", given: 8 });
    expect(captureQuestion(run, { ask: "next", given: -2, ...words }).ask).toEqual({ kind: "next", given: 0 });
    expect(givenLimit(200)).toBe(MAX_GIVEN_SEGMENTS);
    expect(givenLimit(0)).toBeNull();
    expect(() => captureQuestion({ scenario: analysis.scenario, sent: 0 }, { ask: "next", given: 0, ...words })).toThrow(RangeError);
  });

  it("travels in the editor's link as it is", () => {
    const draft = captureQuestion(run, { ask: "next", given: 8, ...words });
    const encoded = encodeShared(draft);
    expect(encoded.length).toBeLessThanOrEqual(MAX_SHARED_CHARS);
    expect(decodeShared(encoded)).toEqual(draft);
  });
});
