// The engine's behaviour over a fixed corpus (trace-corpus.ts), pinned by a hash: a change made
// for speed must leave every trace as it was. The hash leaves the wording out (reasons, citations,
// signals' messages, calls' errors), which is free to change, and was computed from the engine
// before the performance work of December 2026 (commit 4629efa). A change that alters behaviour
// on purpose updates it, with GRADER_VERSION; tests/bench/trace-corpus.ts shows which traces changed.
import { describe, expect, it } from "vitest";
import { corpus, corpusHash, FAMILY_SEEDS, RANDOM_SCENARIOS } from "./trace-corpus";
import { families } from "@/lib/scenarios";

describe("the trace corpus", () => {
  const cases = corpus();

  it("covers every family at every seed, the random scenarios twice, and the benchmark's", () => {
    expect(cases).toHaveLength(families.length * FAMILY_SEEDS + 2 * RANDOM_SCENARIOS + 3);
  });

  it("gives the traces the engine gave before its performance work", () => {
    expect(corpusHash(cases)).toBe("b9b18fd1ee0b811b085ae6992ce8b9e505adaf0bf269f6848b952d1d4e38e464");
  });
});
