// The practice page's teaching areas: every family in exactly one area, and each area's title
// in both languages (the English one as it always read).
import { describe, expect, it } from "vitest";
import { AREAS } from "@/lib/practice/topics";
import { families } from "@/lib/scenarios";
import { say } from "../attempts/say";

describe("practice areas", () => {
  it("place every scenario family in exactly one area", () => {
    const placed = AREAS.flatMap((a) => [...a.families]);
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual(families.map((f) => f.id).sort());
  });

  it("are titled in English and in Simplified Chinese", () => {
    expect(AREAS.map((a) => say(a.title, "en"))).toEqual([
      "Opening a connection",
      "Closing a connection",
      "TIME_WAIT and lingering states",
      "listen(), the SYN queue and the accept queue",
      "Resets and half-open connections",
      "Why TCP does it this way: imaginary TCPs",
    ]);
    expect(AREAS.map((a) => say(a.title, "zh-CN"))).toEqual([
      "建立连接",
      "关闭连接",
      "TIME_WAIT 与滞留状态",
      "listen()、半连接队列与全连接队列",
      "连接重置与半开连接",
      "TCP为什么这样设计：假想的TCP",
    ]);
  });
});
