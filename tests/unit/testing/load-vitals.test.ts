// What the load bench makes of the attempt page's performance entries (tests/bench/load-vitals.ts):
// the page's weight split into its document, scripts, style sheets and the rest, and INP as the
// browser defines it, from entries shaped as Chromium gives them.
import { describe, expect, it } from "vitest";
import { interactionToNextPaint, pageWeight, sampleTimes, type WeightEntry } from "../../bench/load-vitals";

const ORIGIN = "http://127.0.0.1:3700";
const resource = (path: string, initiatorType: string, transferSize: number, decodedBodySize: number): WeightEntry => ({
  entryType: "resource",
  name: `${ORIGIN}${path}`,
  initiatorType,
  transferSize,
  decodedBodySize,
});

describe("the page's weight", () => {
  const entries: WeightEntry[] = [
    {
      entryType: "navigation",
      name: `${ORIGIN}/courses/c1/attempts/a1`,
      initiatorType: "navigation",
      transferSize: 57_000,
      decodedBodySize: 205_000,
    },
    resource("/_next/static/chunks/webpack-1.js", "script", 2_000, 4_000),
    resource("/_next/static/chunks/app/page-2.js?dpl=x", "script", 30_000, 100_000),
    resource("/_next/static/css/app-3.css", "link", 9_000, 40_000),
    // A script already in the cache: nothing over the wire, its body still part of the page.
    resource("/_next/static/chunks/main-4.js", "script", 0, 50_000),
    resource("/favicon.ico", "other", 500, 200),
    // The router's data for a link, fetched by a script: not a script itself.
    resource("/courses/c1?_rsc=abc", "fetch", 1_200, 3_000),
  ];

  it("splits the requests and their bytes into the document, scripts, styles and the rest", () => {
    const w = pageWeight(entries);
    expect(w.parts.html).toEqual({ requests: 1, transfer: 57_000, decoded: 205_000 });
    expect(w.parts.scripts).toEqual({ requests: 3, transfer: 32_000, decoded: 154_000 });
    expect(w.parts.styles).toEqual({ requests: 1, transfer: 9_000, decoded: 40_000 });
    expect(w.parts.other).toEqual({ requests: 2, transfer: 1_700, decoded: 3_200 });
  });

  it("totals every request, and what each part adds up to", () => {
    const w = pageWeight(entries);
    expect(w.requests).toBe(7);
    expect(w.transfer).toBe(57_000 + 2_000 + 30_000 + 9_000 + 0 + 500 + 1_200);
    expect(w.decoded).toBe(205_000 + 4_000 + 100_000 + 40_000 + 50_000 + 200 + 3_000);
  });

  it("is nothing for a page with no entries", () => {
    const w = pageWeight([]);
    expect(w.requests).toBe(0);
    expect(w.parts.scripts.transfer).toBe(0);
  });
});

describe("INP from event entries", () => {
  it("is the worst interaction, each interaction counted by its longest event", () => {
    // One click: pointerdown, pointerup and click share an interaction id; a key press another.
    const inp = interactionToNextPaint([
      { interactionId: 7, duration: 24 },
      { interactionId: 7, duration: 96 },
      { interactionId: 7, duration: 40 },
      { interactionId: 11, duration: 64 },
    ]);
    expect(inp).toBe(96);
  });

  it("ignores events that are not part of an interaction", () => {
    expect(
      interactionToNextPaint([
        { interactionId: 0, duration: 400 },
        { interactionId: 3, duration: 32 },
      ]),
    ).toBe(32);
    expect(interactionToNextPaint([{ interactionId: 0, duration: 400 }])).toBeNull();
  });

  it("leaves out the worst interaction of every 50, as the browser's INP does", () => {
    // 120 interactions: 16, 24, … 968 ms; the two worst (968, 960) are outliers, 952 is INP.
    const entries = Array.from({ length: 120 }, (_, i) => ({ interactionId: 1000 + i, duration: 16 + 8 * i }));
    expect(interactionToNextPaint(entries)).toBe(952);
    expect(interactionToNextPaint(entries.slice(0, 49))).toBe(16 + 8 * 48);
  });

  it("counts the interactions too quick to have entries when it leaves outliers out", () => {
    // 30 slow interactions among 100: the page had 100, so the worst 2 are left out.
    const slow = Array.from({ length: 30 }, (_, i) => ({ interactionId: 1 + i, duration: 100 + 8 * i }));
    expect(interactionToNextPaint(slow)).toBe(100 + 8 * 29);
    expect(interactionToNextPaint(slow, 100)).toBe(100 + 8 * 27);
  });
});

describe("when the samples during the class begin", () => {
  it("spreads them from the first start to the last", () => {
    expect(sampleTimes(10_000, 10, 3)).toEqual([10_000, 15_000, 20_000]);
    expect(sampleTimes(10_000, 0, 2)).toEqual([10_000, 10_000]);
    expect(sampleTimes(10_000, 10, 1)).toEqual([10_000]);
  });
});
