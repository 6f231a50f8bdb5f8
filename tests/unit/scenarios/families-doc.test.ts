// docs/families.md lists every scenario family with what it teaches, word for word.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { families } from "@/lib/scenarios";

it("docs/families.md lists every family with its concept", () => {
  const doc = readFileSync("docs/families.md", "utf8");
  for (const f of families) {
    expect(doc, f.id).toContain(`| \`${f.id}\` |`);
    expect(doc, f.id).toContain(f.concept);
  }
});
