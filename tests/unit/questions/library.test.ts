// The starter library: enough templates, every family and every answer kind, each file
// indexed, and every template well defined for every seed.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AskSchema, expectedAnswer, present, starterLibrary } from "@/lib/questions";
import { families } from "@/lib/scenarios";

describe("starter library", () => {
  it("has at least 30 templates, with unique ids", () => {
    expect(starterLibrary.length).toBeGreaterThanOrEqual(30);
    expect(new Set(starterLibrary.map((t) => t.id)).size).toBe(starterLibrary.length);
  });

  it("covers every family and every answer kind", () => {
    const used = new Set(starterLibrary.map((t) => t.family));
    expect(families.map((f) => f.id).filter((id) => !used.has(id))).toEqual([]);
    const kinds = new Set(starterLibrary.map((t) => t.ask.kind));
    expect([...kinds].sort()).toEqual([...AskSchema.options.map((o) => o.shape.kind.value)].sort());
  });

  it("indexes every JSON file in lib/questions/library (run `npm run questions:index` after adding one)", () => {
    const files = readdirSync("lib/questions/library").filter((f) => f.endsWith(".json"));
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual(starterLibrary.map((t) => t.id).sort());
  });

  it("every template presents and has an expected answer for 100 seeds", () => {
    const failures: string[] = [];
    for (const t of starterLibrary) {
      for (let seed = 0; seed < 100; seed++) {
        try {
          present(t, seed * 104_729 + 13);
          expectedAnswer(t, seed * 104_729 + 13);
        } catch (error) {
          failures.push(`${t.id} seed ${seed}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it("prompts are written for students: full sentences, no placeholders", () => {
    for (const t of starterLibrary) {
      expect(t.prompt, t.id).toMatch(/[.?]$/);
      expect(t.prompt, t.id).not.toMatch(/TODO|TBD|lorem|\{\{/i);
    }
  });
});
