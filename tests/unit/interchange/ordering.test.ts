import { describe, expect, it } from "vitest";
import { distinctItems } from "@/lib/interchange/ordering";

describe("ordering items", () => {
  it("numbers a text met again by its occurrence, leaving the first and the rest as they are", () => {
    expect(distinctItems(["CLOSED", "SYN_SENT", "ESTABLISHED", "CLOSED"])).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "CLOSED (2)"]);
    expect(distinctItems(["A", "B", "A", "B", "A"])).toEqual(["A", "B", "A (2)", "B (2)", "A (3)"]);
    expect(distinctItems(["LISTEN", "SYN_RCVD"])).toEqual(["LISTEN", "SYN_RCVD"]);
  });
});
