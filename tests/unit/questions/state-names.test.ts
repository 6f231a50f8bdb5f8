// One reading of state names for the grader and the state-sequence widget's typed entry.
import { describe, expect, it } from "vitest";
import { matchStateName, parseStateName } from "@/lib/questions/client";

describe("typed entry in the state-sequence widget", () => {
  it("reads every spelling the grader accepts, netstat's included", () => {
    for (const [typed, state] of [
      ["syn-sent", "SYN_SENT"],
      ["Fin Wait 2", "FIN_WAIT_2"],
      ["SYN_RCVD", "SYN_RECEIVED"],
      ["syn_recv", "SYN_RECEIVED"],
      ["ESTAB", "ESTABLISHED"],
    ] as const) {
      expect(parseStateName(typed)).toEqual({ state });
      expect(matchStateName(typed)).toEqual({ state });
    }
  });

  it("also takes the start of a name, the first state in order that begins so", () => {
    expect(matchStateName("fin")).toEqual({ state: "FIN_WAIT_1" });
    expect(matchStateName("time")).toEqual({ state: "TIME_WAIT" });
    expect(matchStateName("  c ")).toEqual({ state: "CLOSED" });
  });

  it("ignores blank input and reports anything else", () => {
    expect(matchStateName("   ")).toBeNull();
    expect(matchStateName("HALF_OPEN")).toHaveProperty("error");
  });
});
