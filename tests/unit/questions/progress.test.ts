// Where a draft stands, for the attempt page's navigator and submit summary: nothing yet, some
// parts left empty, or every part given — whatever the answer kind's draft looks like.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerProgress, isBlankAnswer } from "@/lib/questions/progress";

describe("answerProgress", () => {
  it("reads each kind's drafts", () => {
    // States: both endpoints asked, one listed so far.
    expect(answerProgress({ states: { client: [], server: [] } })).toBe("unanswered");
    expect(answerProgress({ states: { client: ["CLOSED", "SYN_SENT"], server: [] } })).toBe("partial");
    expect(answerProgress({ states: { client: ["CLOSED"], server: ["LISTEN"] } })).toBe("answered");
    // Segments: a row whose ack is still empty.
    expect(answerProgress({ segments: [{ from: "client", flags: "SYN", seq: 100, ack: null }] })).toBe("partial");
    expect(answerProgress({ segments: [{ from: "client", flags: "SYN", seq: 100, ack: 0 }] })).toBe("answered");
    expect(answerProgress({ segments: [{ from: "", flags: "", seq: null, ack: null }] })).toBe("unanswered");
    // A time, a choice.
    expect(answerProgress({ ms: null })).toBe("unanswered");
    expect(answerProgress({ ms: 0 })).toBe("answered");
    expect(answerProgress({ ms: "never" })).toBe("answered");
    expect(answerProgress({ choice: "" })).toBe("unanswered");
    expect(answerProgress({ choice: "both" })).toBe("answered");
    expect(answerProgress(null)).toBe("unanswered");
  });

  it("is 'unanswered' exactly when the draft is blank, and 'answered' only when no part is empty", () => {
    const leaf = fc.oneof(fc.constant(null), fc.constant(""), fc.constant("  "), fc.string({ maxLength: 4 }), fc.integer());
    const draft = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 3 }), tie("value"), { maxKeys: 3 }),
      ),
    })).value;
    fc.assert(
      fc.property(draft, (d) => {
        const p = answerProgress(d);
        expect(p === "unanswered").toBe(isBlankAnswer(d));
        // Every leaf given (and no empty list), read here by JSON's own walk.
        const empty: unknown[] = [];
        JSON.parse(JSON.stringify(d), (key, value: unknown) => {
          if (key !== "kind" && (value === null || (typeof value === "string" && !value.trim()) || (Array.isArray(value) && !value.length)))
            empty.push(value);
          return value;
        });
        if (p === "answered") expect(empty).toEqual([]);
        if (p === "partial") expect(empty.length).toBeGreaterThan(0);
      }),
    );
  });
});
