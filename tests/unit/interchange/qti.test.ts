// QTI 2.1 packages. Exports are read back with an independent parser (fast-xml-parser in its plain
// form, not the order-preserving one the writer uses) against what a QTI 2.1 reader looks for:
// the manifest's item resources and files, the imsqti_v2p1 namespace Canvas keys on, one
// interaction per item of the type the answer maps to, its correct response. Our own package
// comes back as equal templates; items from elsewhere (fixtures shaped like the specification's
// examples) map when they are a choice topic's question and are skipped with why otherwise;
// malformed packages are problems with their line.
import { XMLParser } from "fast-xml-parser";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportQti, importQti } from "@/lib/interchange/qti";
import { exportBank } from "@/lib/interchange/variants";
import { QuestionTemplateSchema, starterLibrary } from "@/lib/questions";
import { say } from "../attempts/say";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["resource", "file", "simpleChoice", "value", "responseDeclaration", "p", "mapEntry"].includes(name),
});
type Node = Record<string, unknown> & { [k: string]: unknown };
const FIXTURES = join(__dirname, "fixtures", "qti");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

function pack(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const kinds = ["states", "time", "choice", "segments", "next", "final-state"] as const;
const sample = kinds.map((k) => starterLibrary.find((t) => t.ask.kind === k)!);
const bank = exportBank('Week 1, "TCP" — 第一周', sample, { seeds: 2, locale: "en" }).bank;
const zip = exportQti(bank, { locale: "en" }).body as Uint8Array;
const files = unzipSync(zip);

describe("QTI 2.1 export", () => {
  it("is a zip whose manifest lists every item as an imsqti_item_xmlv2p1 resource whose file is in the zip", () => {
    const manifest = parser.parse(strFromU8(files["imsmanifest.xml"])).manifest as Node;
    expect(manifest["xmlns:imsqti"]).toBe("http://www.imsglobal.org/xsd/imsqti_v2p1");
    expect((manifest.metadata as Node).schema).toBe("QTIv2.1 Package");
    const resources = ((manifest.resources as Node).resource as Node[]).filter((r) => r.type === "imsqti_item_xmlv2p1");
    expect(resources).toHaveLength(sample.length * 2);
    for (const r of resources) {
      expect(files[r.href as string], r.href as string).toBeDefined();
      expect((r.file as Node[]).map((f) => f.href)).toContain(r.href);
    }
  });

  it("writes each answer as its interaction with the right correct response", () => {
    const seen = new Set<string>();
    for (const { variants } of bank.questions)
      for (const v of variants) {
        const item = parser.parse(strFromU8(files[`items/synack-${v.template.id}-${v.seed}.xml`])).assessmentItem as Node;
        expect(item.xmlns).toBe("http://www.imsglobal.org/xsd/imsqti_v2p1");
        expect(item.title).toBe(v.name);
        const body = item.itemBody as Node;
        const declarations = item.responseDeclaration as Node[];
        const correct = (d: Node) => ((d.correctResponse as Node).value as unknown[]).map(String);
        seen.add(v.answer.type);
        switch (v.answer.type) {
          case "ordering": {
            const interaction = body.orderInteraction as Node;
            const choices = interaction.simpleChoice as Node[];
            const textOf = new Map(choices.map((c) => [c.identifier as string, String(c["#text"])]));
            expect(correct(declarations[0]).map((id) => textOf.get(id))).toEqual(v.answer.items);
            expect(declarations[0].cardinality).toBe("ordered");
            break;
          }
          case "multichoice": {
            const choices = (body.choiceInteraction as Node).simpleChoice as Node[];
            const right = v.answer.options.find((o) => o.correct)!.text;
            expect(correct(declarations[0]).map((id) => String(choices.find((c) => c.identifier === id)!["#text"]))).toEqual([right]);
            break;
          }
          case "numerical":
            expect(declarations[0].baseType).toBe("float");
            expect(correct(declarations[0])).toEqual([String(v.answer.value)]);
            break;
          case "shortanswer":
            expect(declarations).toHaveLength(v.answer.blanks.length);
            declarations.forEach((d, i) => {
              const entries = ((d.mapping as Node).mapEntry as Node[]).map((e) => String(e.mapKey));
              expect(entries).toEqual((v.answer as { blanks: { answers: string[] }[] }).blanks[i].answers);
            });
            break;
        }
      }
    expect(seen).toEqual(new Set(["ordering", "multichoice", "numerical", "shortanswer"]));
  });

  it("keeps the prompt's markup as XHTML and the given ladder in a pre, escaped", () => {
    const v = bank.questions.find((q) => q.template.ask.kind === "next")!.variants[0];
    const xml = strFromU8(files[`items/synack-${v.template.id}-${v.seed}.xml`]);
    const body = (parser.parse(xml).assessmentItem as Node).itemBody as Node;
    expect(String(body.pre)).toBe(v.given);
    expect(xml).not.toContain("<script");
  });

  it("gives the same bytes for the same bank", () => {
    expect(exportQti(exportBank('Week 1, "TCP" — 第一周', sample, { seeds: 2, locale: "en" }).bank, { locale: "en" }).body).toEqual(zip);
  });
});

describe("QTI 2.1 import", () => {
  it("restores our own templates, once each, equal to what was exported", () => {
    const report = importQti(zip);
    expect(report.problems).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.questions.map((q) => QuestionTemplateSchema.parse(q.template))).toEqual(sample);
  });

  it("maps a choice item whose options are a choice topic's; skips a free choice and an ordering with why", () => {
    const report = importQti(
      pack({
        "imsmanifest.xml": fixture("imsmanifest.xml"),
        "time-wait.xml": fixture("time-wait.xml"),
        "luggage.xml": fixture("luggage.xml"),
        "order.xml": fixture("order.xml"),
      }),
    );
    expect(report.problems).toEqual([]);
    expect(report.questions).toHaveLength(1);
    const [mapped] = report.questions;
    expect(mapped.name).toBe('Simultaneous close, "both" — 同时关闭');
    expect(mapped.template.ask).toEqual({ kind: "choice", topic: "time-wait-endpoint" });
    expect(QuestionTemplateSchema.safeParse(mapped.template).success).toBe(true);
    expect(report.skipped.map((s) => s.name)).toEqual(["Unattended Luggage", "Grand Prix of Bahrain"]);
    const [luggage, order] = report.skipped;
    expect(say(luggage.reason)).toMatch(/scenario|engine/i);
    expect(say(order.reason)).toMatch(/orderInteraction/);
    expect(order.line).toBe(
      fixture("order.xml")
        .split("\n")
        .findIndex((l) => l.includes("<orderInteraction")) + 1,
    );
  });

  it("malformed: not a zip, no manifest, bad XML (with its line), a listed file missing", () => {
    expect(say(importQti(strToU8("not a zip")).problems[0].message)).toMatch(/not a zip/);
    expect(say(importQti(pack({ "x.xml": "<a/>" })).problems[0].message)).toMatch(/imsmanifest\.xml/);
    const broken = fixture("luggage.xml").replace("</prompt>", "");
    const bad = importQti(
      pack({
        "imsmanifest.xml": fixture("imsmanifest.xml"),
        "luggage.xml": broken,
        "time-wait.xml": fixture("time-wait.xml"),
        "order.xml": fixture("order.xml"),
      }),
    );
    expect(bad.problems).toHaveLength(1);
    expect(say(bad.problems[0].message)).toMatch(/luggage\.xml is not well-formed XML/);
    expect(bad.problems[0].line).toBeGreaterThan(1);
    const missing = importQti(pack({ "imsmanifest.xml": fixture("imsmanifest.xml"), "luggage.xml": fixture("luggage.xml") }));
    expect(missing.problems.map((p) => say(p.message))).toEqual([
      "The package lists time-wait.xml, but it is not in the zip.",
      "The package lists order.xml, but it is not in the zip.",
    ]);
  });
});
