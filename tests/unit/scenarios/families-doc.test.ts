// docs/families.md lists every scenario family with its title and what it teaches, word for
// word as the English catalog says them (messages/en/families.json).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { families } from "@/lib/scenarios";
import { textIn } from "../i18n/render-in";

it("docs/families.md lists every family with its title and concept", () => {
  const doc = readFileSync("docs/families.md", "utf8");
  const en = textIn("en");
  for (const f of families) {
    expect(doc, f.id).toContain(`| \`${f.id}\` | ${en(f.title)} |`);
    expect(doc, f.id).toContain(en(f.concept));
  }
});
