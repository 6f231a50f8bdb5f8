import { describe, expect, it } from "vitest";
import { reviewPageOf } from "../../../lib/attempts/review-page";

const positions = [1, 2, 3, 4];

describe("reviewPageOf", () => {
  it("shows the question the URL names, with its neighbours", () => {
    expect(reviewPageOf("3", positions)).toEqual({ mode: "one", position: 3, previous: 2, next: 4 });
  });

  it("has no previous question on the first and no next on the last", () => {
    expect(reviewPageOf("1", positions)).toEqual({ mode: "one", position: 1, previous: null, next: 2 });
    expect(reviewPageOf("4", positions)).toEqual({ mode: "one", position: 4, previous: 3, next: null });
  });

  it("reads a missing, unknown or malformed position as the first question", () => {
    for (const q of [undefined, "", "0", "9", "-1", "2.5", "abc", "1e3", "99999999"])
      expect(reviewPageOf(q, positions), String(q)).toEqual({ mode: "one", position: 1, previous: null, next: 2 });
  });

  it("shows every question for ?q=all, and for an attempt without questions", () => {
    expect(reviewPageOf("all", positions)).toEqual({ mode: "all" });
    expect(reviewPageOf("3", [])).toEqual({ mode: "all" });
  });

  it("takes the first of a repeated parameter", () => {
    expect(reviewPageOf(["2", "all"], positions)).toEqual({ mode: "one", position: 2, previous: 1, next: 3 });
  });

  it("follows the attempt's positions, not their count", () => {
    expect(reviewPageOf("5", [2, 5, 9])).toEqual({ mode: "one", position: 5, previous: 2, next: 9 });
  });
});
