// A segment as a student wrote it reads like the engine's own segments, with "?" for blanks.
import { describe, expect, it } from "vitest";
import { describeSegment } from "@/lib/tcp";
import { describeSegmentAnswer } from "@/lib/questions/client";
import { en, zh } from "../grading/translate";

describe("segment wording for answers", () => {
  it("is the engine's wording when every field is given", () => {
    for (const s of [
      { flags: "SYN", seq: 100, ack: 0 },
      { flags: "FIN+ACK", seq: 1001, ack: 5002 },
    ]) {
      expect(describeSegmentAnswer(s)).toBe(describeSegment(s));
    }
  });

  it("marks blank numbers and blank flags", () => {
    expect(describeSegmentAnswer({ flags: "ACK", seq: null, ack: 7 })).toBe("ACK seq=? ack=7");
    expect(describeSegmentAnswer({ flags: "SYN+ACK", seq: 3, ack: null })).toBe("SYN+ACK seq=3 ack=?");
    expect(en(describeSegmentAnswer({ flags: "", seq: null, ack: null }))).toBe("(no flags) seq=?");
    expect(zh(describeSegmentAnswer({ flags: "", seq: 7, ack: null }))).toBe("（无标志位）seq=7");
  });
});
