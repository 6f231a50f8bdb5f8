// The variety report: what the seed changes in a question, worked out from what each family
// does (docs/families.md) rather than from the report's own code — a handshake's states never
// depend on the seed, its ISNs always do; a lost SYN is lost on every seed; a template that
// gives away more segments than the wire carries fails on every seed, each one named.
import { describe, expect, it } from "vitest";
import { sampleSeeds, varietyReport } from "@/lib/authoring/variety";
import { starterLibrary, TemplateError, type QuestionTemplateInput } from "@/lib/questions";

const library = (id: string) => {
  const t = starterLibrary.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

const base: QuestionTemplateInput = {
  id: "variety-test",
  title: "A test question",
  family: "handshake",
  prompt: "What happens in this scenario?",
  ask: { kind: "states", endpoints: ["client", "server"] },
};

describe("varietyReport", () => {
  it("samples 50 seeds from the first by default", () => {
    const report = varietyReport(library("handshake-states"));
    expect(report.samples).toBe(50);
    expect(report.firstSeed).toBe(1);
    expect(report.usable).toBe(50);
    expect(report.failures).toEqual([]);
  });

  it("a handshake's states are the same on every seed, its scenarios are not (random ISNs and latencies)", () => {
    const report = varietyReport(library("handshake-states"), { samples: 30, firstSeed: 100 });
    expect(report.distinctAnswers).toBe(1);
    expect(report.largestAnswerShare).toBe(30);
    expect(report.distinctScenarios).toBe(30);
    expect(report.warnings).toEqual([{ kind: "same-answer", seeds: 30 }]);
    expect(report.faults).toEqual({ dropped: 0, delayed: 0, duplicated: 0, queueDrops: 0 });
    expect(report.seedsWithRules).toBe(0);
  });

  it("a handshake's segments differ with the seed: no warning", () => {
    const report = varietyReport(library("handshake-segments"), { samples: 20 });
    expect(report.distinctAnswers).toBe(20);
    expect(report.warnings).toEqual([]);
  });

  it("a lost SYN fires a drop on every seed", () => {
    const report = varietyReport(library("lost-syn-leave"), { samples: 25 });
    expect(report.usable).toBe(25);
    expect(report.faults.dropped).toBe(25);
    expect(report.seedsWithRules).toBe(25);
    expect(report.warnings.some((w) => w.kind === "faults-never-fire")).toBe(false);
  });

  it("a full SYN queue refuses a segment on every seed", () => {
    const report = varietyReport({ ...base, family: "syn-queue-overflow", params: { full: true } }, { samples: 10 });
    expect(report.faults.queueDrops).toBe(10);
  });

  it("names every seed that cannot be presented, and says so in a warning", () => {
    // A handshake puts three segments on the wire: giving ten away fails on every seed.
    const report = varietyReport({ ...base, ask: { kind: "segments", given: 10, count: 2 } }, { samples: 5, firstSeed: 7 });
    expect(report.usable).toBe(0);
    expect(report.failures.map((f) => f.seed)).toEqual([7, 8, 9, 10, 11]);
    expect(report.failures[0].reason).toMatch(/seed 7/);
    expect(report.warnings).toEqual([{ kind: "failures", count: 5, firstSeed: 7 }]);
    expect(report.distinctAnswers).toBe(0);
  });

  it("is the same report for the same template and seeds", () => {
    const t = library("lost-fin-states");
    expect(varietyReport(t, { samples: 12, firstSeed: 3 })).toEqual(varietyReport(t, { samples: 12, firstSeed: 3 }));
  });

  it("refuses an invalid template before running any seed, and a sample count out of range", () => {
    expect(() => varietyReport({ ...base, points: -1 })).toThrow(TemplateError);
    expect(() => varietyReport(base, { samples: 0 })).toThrow(RangeError);
    expect(() => varietyReport(base, { samples: 101 })).toThrow(RangeError);
  });
});

describe("sampleSeeds", () => {
  it("counts up from the first seed and wraps within 32 bits", () => {
    expect(sampleSeeds(5, 3)).toEqual([5, 6, 7]);
    expect(sampleSeeds(0xffff_ffff, 3)).toEqual([0xffff_ffff, 0, 1]);
  });
});
