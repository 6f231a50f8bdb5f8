// The quiz builder's pure rules: what a body may say, which item changes a quiz with attempts
// refuses (and the reason a person reads), when publishing is refused, what a draw may choose
// from, and that a preview seed always gives the same picks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AccommodationBodySchema,
  drawCandidates,
  ItemsBodySchema,
  itemsChangeRefusal,
  NewQuizSchema,
  previewPicks,
  publishRefusal,
  QuizSettingsPatchSchema,
  settingsRefusal,
  type ItemInput,
  type PreviewSource,
  type StoredItem,
} from "@/lib/authoring/quiz-rules";
import { say } from "../attempts/say";

const stored: StoredItem[] = [
  { id: "i1", position: 1, questionId: "q1v1", bankId: null, tag: null, drawCount: 1 },
  { id: "i2", position: 2, questionId: null, bankId: "b1", tag: "handshake", drawCount: 2 },
];
const fixed = { kind: "fixed", id: "i1", questionId: "q1v1", points: 1 } as const satisfies ItemInput;
const drawn = { kind: "draw", id: "i2", bankId: "b1", tag: "handshake", count: 2, points: 1 } as const satisfies ItemInput;
const same: ItemInput[] = [fixed, drawn];
const reason = (next: ItemInput[]) => {
  const refusal = itemsChangeRefusal(stored, next);
  return refusal ? say(refusal) : null;
};

describe("settings bodies", () => {
  it("takes a full new quiz and refuses one without a title", () => {
    expect(NewQuizSchema.safeParse({ title: "Week 1", mode: "EXAM", timeLimitMinutes: 20, sections: ["A"] }).success).toBe(true);
    const noTitle = NewQuizSchema.safeParse({ title: "  ", mode: "EXAM" });
    expect(noTitle.success).toBe(false);
    expect(noTitle.error?.issues[0].path).toEqual(["title"]);
  });

  it("refuses a close before the opening, at closesAt", () => {
    const r = QuizSettingsPatchSchema.safeParse({ opensAt: "2026-12-02T10:00:00Z", closesAt: "2026-12-02T09:00:00Z" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path)).toEqual([["closesAt"]]);
  });

  it("asks for a release date when feedback is released on a date, at releaseAt", () => {
    const r = QuizSettingsPatchSchema.safeParse({ feedbackRelease: "ON_DATE", releaseAt: null });
    expect(r.error?.issues.map((i) => i.path)).toEqual([["releaseAt"]]);
    expect(QuizSettingsPatchSchema.safeParse({ feedbackRelease: "ON_DATE", releaseAt: "2026-12-10T08:00:00+08:00" }).success).toBe(true);
  });

  it("refuses unknown fields, a zero time limit, a dateless instant and an empty section name", () => {
    for (const body of [{ published: true }, { timeLimitMinutes: 0 }, { opensAt: "2026-12-02 10:00" }, { sections: [""] }]) {
      expect(QuizSettingsPatchSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });

  it("checks merged settings: a stored opening after a new close is refused", () => {
    const refusal = settingsRefusal({
      opensAt: new Date("2026-12-05T00:00:00Z"),
      closesAt: new Date("2026-12-04T00:00:00Z"),
      feedbackRelease: "IMMEDIATELY",
      releaseAt: null,
    });
    expect(refusal?.path).toBe("closesAt");
    expect(say(refusal!.message)).toBe("The quiz must close after it opens.");
    expect(settingsRefusal({ opensAt: null, closesAt: null, feedbackRelease: "ON_DATE", releaseAt: null })?.path).toBe("releaseAt");
    expect(settingsRefusal({ opensAt: null, closesAt: null, feedbackRelease: "NEVER", releaseAt: null })).toBeNull();
  });

  it("takes an accommodation with at least one of its parts", () => {
    expect(AccommodationBodySchema.safeParse({ timeFactor: 1.5 }).success).toBe(true);
    expect(AccommodationBodySchema.safeParse({ closesAt: "2026-12-09T12:00:00Z" }).success).toBe(true);
    expect(AccommodationBodySchema.safeParse({ timeFactor: null, extraMinutes: null }).success).toBe(false);
    expect(AccommodationBodySchema.safeParse({ timeFactor: 0.5 }).success).toBe(false);
  });

  it("takes items of both kinds and refuses a draw of none", () => {
    expect(ItemsBodySchema.safeParse({ items: same }).success).toBe(true);
    const r = ItemsBodySchema.safeParse({ items: [{ kind: "draw", bankId: "b1", count: 0, points: 1 }] });
    expect(r.error?.issues[0].path).toEqual(["items", 0, "count"]);
  });
});

describe("item changes once a quiz has attempts", () => {
  it("allows the same items with other points, and new items after them", () => {
    expect(
      reason([
        { ...same[0], points: 5 },
        { ...same[1], points: 0.5 },
      ]),
    ).toBeNull();
    expect(reason([...same, { kind: "fixed", questionId: "q9v1", points: 1 }])).toBeNull();
  });

  it("refuses removing an item, naming it", () => {
    expect(reason([same[0]])).toBe("item 2 would be removed");
  });

  it("refuses reordering", () => {
    expect(reason([same[1], same[0]])).toBe("the items would change order");
    expect(reason([{ kind: "fixed", questionId: "q9v1", points: 1 }, ...same])).toBe("the items would change order");
  });

  it("refuses pinning a fixed item to another version", () => {
    expect(reason([{ ...fixed, questionId: "q1v2" }, same[1]])).toBe("item 1 would be pinned to another question version");
  });

  it("refuses changing what a draw draws", () => {
    expect(reason([same[0], { ...drawn, count: 3 }])).toBe("item 2 would draw from another bank, tag or number of questions");
    expect(reason([same[0], { ...drawn, tag: null }])).toBe("item 2 would draw from another bank, tag or number of questions");
  });

  it("says the reason in Chinese to a Chinese reader", () => {
    expect(say(itemsChangeRefusal(stored, [same[0]]), "zh-CN")).toBe("第2项会被删除");
  });
});

describe("publishing", () => {
  it("refuses a quiz with no items", () => {
    expect(say(publishRefusal([]))).toBe("A quiz with no items cannot be published: add a question or a draw first.");
  });

  it("refuses a draw its bank cannot fill, saying how many it holds", () => {
    const refusal = publishRefusal([
      { position: 1, kind: "fixed", count: 1, available: 1, bankTitle: "", tag: null },
      { position: 2, kind: "draw", count: 3, available: 2, bankTitle: "Week 1", tag: "close" },
    ]);
    expect(say(refusal)).toBe("Item 2 draws 3 questions tagged “close” from “Week 1”, which holds only 2.");
    expect(say(refusal, "zh-CN")).toBe("第2项要从“Week 1”抽取3道带有标签“close”的题，但该题库只有2道。");
  });

  it("allows a draw its bank fills exactly", () => {
    expect(publishRefusal([{ position: 1, kind: "draw", count: 2, available: 2, bankTitle: "B", tag: null }])).toBeNull();
  });
});

describe("draw candidates", () => {
  const rows = [
    { id: "a1", key: "a", version: 1, tags: '["x"]', archived: false },
    { id: "a2", key: "a", version: 2, tags: '["y"]', archived: false },
    { id: "b1", key: "b", version: 1, tags: '["x"]', archived: true },
    { id: "c1", key: "c", version: 1, tags: '["x","y"]', archived: false },
  ];

  it("offers the newest version of each unarchived key, with the tag of that version", () => {
    expect(drawCandidates(rows, null)).toEqual(["a2", "c1"]);
    expect(drawCandidates(rows, "x")).toEqual(["c1"]);
    expect(drawCandidates(rows, "y")).toEqual(["a2", "c1"]);
  });
});

describe("preview picks", () => {
  const items: PreviewSource[] = [
    { kind: "fixed", position: 1, points: 2, questionId: "f" },
    { kind: "draw", position: 2, points: 1, count: 2, candidates: ["d1", "d2", "d3", "d4"] },
  ];

  it("gives the same picks for the same seed, and every draw distinct questions from its candidates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.boolean(), (seed, shuffle) => {
        const a = previewPicks(items, seed, shuffle);
        expect(previewPicks(items, seed, shuffle)).toEqual(a);
        expect(a).toHaveLength(3);
        const drawn = a.filter((p) => p.itemPosition === 2).map((p) => p.questionId);
        expect(new Set(drawn).size).toBe(2);
        for (const id of drawn) expect(["d1", "d2", "d3", "d4"]).toContain(id);
        expect(a.find((p) => p.itemPosition === 1)).toMatchObject({ questionId: "f", points: 2 });
        for (const p of a) expect(p.seed >>> 0).toBe(p.seed);
        if (!shuffle) expect(a.map((p) => p.itemPosition)).toEqual([1, 2, 2]);
      }),
    );
  });

  it("varies with the seed: many seeds give more than one draw and more than one order", () => {
    const draws = new Set<string>();
    const orders = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const picks = previewPicks(items, seed, true);
      draws.add(
        picks
          .filter((p) => p.itemPosition === 2)
          .map((p) => p.questionId)
          .sort()
          .join(),
      );
      orders.add(picks.map((p) => p.itemPosition).join());
    }
    expect(draws.size).toBeGreaterThan(1);
    expect(orders.size).toBe(3);
  });

  it("refuses a draw with too few candidates", () => {
    expect(() => previewPicks([{ kind: "draw", position: 1, points: 1, count: 5, candidates: ["x"] }], 1, false)).toThrow();
  });
});
