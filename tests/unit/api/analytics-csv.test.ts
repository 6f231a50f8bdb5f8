// The item analysis tables as CSV files: stable English headings, fractions as fractions, an
// undefined statistic as an empty cell, the file named after the quiz and the table.
import { describe, expect, it } from "vitest";
import { analyticsCsv, CSV_TABLES } from "@/lib/api/operations/analytics";
import type { ItemAnalytics } from "@/lib/analytics/schemas";

const DATA: ItemAnalytics = {
  quiz: { id: "q1", title: "Quiz 1: handshakes" },
  summary: {
    students: 2,
    mean: 0.5,
    sd: 0.5,
    median: 0.5,
    histogram: Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: i === 0 || i === 9 ? 1 : 0 })),
  },
  items: [
    {
      item: "bank:handshake-states",
      position: 1,
      title: "=SUM(A1), the states",
      family: "handshake",
      kind: "states",
      n: 2,
      meanScore: 1,
      maxScore: 2,
      facility: 0.5,
      discrimination: null,
      distribution: { zero: 1, partial: 0, full: 1 },
      meanTimeSec: 42.5,
      timed: 2,
    },
  ],
  families: [{ group: "handshake", items: 1, n: 2, facility: 0.5, discrimination: null, meanTimeSec: 42.5 }],
  kinds: [{ group: "states", items: 1, n: 2, facility: 0.5, discrimination: null, meanTimeSec: null }],
  sections: [{ section: null, students: 2, mean: 0.5, sd: 0.5, min: 0, max: 1, facility: 0.5 }],
};

async function lines(response: Response) {
  return (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
}

describe("item analysis as CSV", () => {
  it("writes the question table with its headings, an undefined discrimination empty, and a formula made text", async () => {
    const response = analyticsCsv(DATA, "items");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="Quiz-1-handshakes-analytics-items.csv"');
    expect(await lines(response)).toEqual([
      "position,item,title,family,kind,answers,mean_score,max_score,facility,discrimination,no_credit,part_credit,full_credit,mean_time_sec,timed_answers",
      '1,bank:handshake-states,"\'=SUM(A1), the states",handshake,states,2,1,2,0.5,,1,0,1,42.5,2',
      "",
    ]);
  });

  it("writes every table, the sections' none as an empty cell", async () => {
    for (const table of CSV_TABLES) expect((await lines(analyticsCsv(DATA, table))).length, table).toBeGreaterThan(2);
    expect((await lines(analyticsCsv(DATA, "sections")))[1]).toBe(",2,0.5,0.5,0,1,0.5");
    expect((await lines(analyticsCsv(DATA, "histogram"))).slice(0, 2)).toEqual(["from,to,students", "0,0.1,1"]);
    expect((await lines(analyticsCsv(DATA, "kinds")))[0]).toBe("kind,items,answers,facility,mean_discrimination,mean_time_sec");
  });
});
