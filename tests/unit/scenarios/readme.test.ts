// The README lists every scenario family with what it teaches (issue #5, "Done when").
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { families } from "@/lib/scenarios";

it("README lists every family with its concept", () => {
  const readme = readFileSync("README.md", "utf8");
  for (const f of families) {
    expect(readme, f.id).toContain(`| \`${f.id}\` |`);
    expect(readme, f.id).toContain(f.concept);
  }
});
