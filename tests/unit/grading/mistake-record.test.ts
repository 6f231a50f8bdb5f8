// What a practice result keeps of a wrong answer's feedback (mistakeRecord): the verdict, the
// first mistake's key and the variant's features, read back by the misconception report as the
// same key; nothing for a right answer.
import { describe, expect, it } from "vitest";
import { readFeedback } from "../../../lib/analytics/misconceptions";
import { grade, mistakeRecord } from "../../../lib/grading";
import { expectedAnswer, starterLibrary } from "../../../lib/questions";

const template = starterLibrary.find((q) => q.id === "passive-close-states")!;

describe("mistakeRecord", () => {
  it("keeps a wrong answer's key and features, which the report reads back as the grader gave them", () => {
    const { kind: _kind, ...right } = expectedAnswer(template, 3) as { kind: string; states: Record<string, string[]> };
    // The passive closer put in TIME_WAIT (RFC 9293 §3.6: it goes from LAST-ACK to CLOSED).
    const wrong = { states: { ...right.states, server: [...right.states.server.slice(0, -1), "TIME_WAIT"] } };
    const graded = grade(template, 3, wrong);
    expect(graded.feedback.correct).toBe(false);
    const record = mistakeRecord(graded.feedback);
    const read = readFeedback(record);
    expect(read.correct).toBe(false);
    expect(read.firstMistake?.key).toEqual(graded.feedback.firstMistake?.key);
    expect(read.firstMistake?.key).toMatchObject({ role: "passive-closer", said: "TIME_WAIT" });
    expect(read.features).toEqual(graded.feedback.features);
    // Only what the report reads: no sentences, no expected answer.
    expect(Object.keys(JSON.parse(record!)).sort()).toEqual(["correct", "features", "firstMistake"]);
  });

  it("keeps nothing of a right answer", () => {
    const { kind: _kind, ...right } = expectedAnswer(template, 3);
    expect(mistakeRecord(grade(template, 3, right).feedback)).toBeNull();
  });
});
