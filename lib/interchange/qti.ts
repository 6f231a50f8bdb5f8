// QTI 2.1 packages: a zip of an IMS content package manifest (imsmanifest.xml) and one
// assessmentItem per variant — orderInteraction for a state sequence, choiceInteraction for a
// multiple choice, textEntryInteraction for a number (float, with the tolerance in the response
// processing) or for each short-answer blank. Every namespace is imsqti_v2p1 and the manifest's
// metadata says "QTIv2.1 Package", which is how Canvas's importer tells QTI 2.x from 1.2
// (gems/plugins/qti_exporter/lib/qti/converter.rb). Our marker: each item's resource depends on
// a `templates/<id>.json` file holding the template, so an import of our own package restores
// the templates losslessly; an item without it maps only when it is a choice whose options are
// a choice topic's, by the rule the Moodle formats use (foreign-choice.ts). Zip by fflate, XML by fast-xml-parser (xml.ts). Pure.
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import type { Locale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { msg } from "../i18n/msg";
import { QuestionTemplateSchema, type QuestionTemplateInput } from "../questions";
import { mapForeignChoice } from "./foreign-choice";
import {
  attrOf,
  childrenOf,
  el,
  findAll,
  fragment,
  markupOf,
  nameOf,
  readXml,
  text,
  textOf,
  xmlDocument,
  xmlProblem,
  type XmlNode,
} from "./xml";
import type { ExportBank, ExportFile, ExportVariant, FileLine, ImportReport, VariantAnswer } from "./types";

export const QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1";
const QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd";
const CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1";
const CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
export const ITEM_RESOURCE = "imsqti_item_xmlv2p1";
/** A fixed time in the zip's entries, so exporting the same bank twice gives the same bytes. */
const ZIP_TIME = "1980-01-01T00:00:00Z";
/** What a package may hold once unpacked: a bank of a few hundred items is far below. */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;

const itemId = (v: ExportVariant) => `synack-${v.template.id}-${v.seed}`;
const templateFile = (templateId: string) => `templates/${templateId}.json`;
const points = (n: number) => String(Math.round(n * 1e6) / 1e6);

// ------------------------------------------------------------------------------- export

const scoreDeclarations = (maxScore: number): XmlNode[] => [
  el("outcomeDeclaration", { identifier: "SCORE", cardinality: "single", baseType: "float" }, [
    el("defaultValue", {}, [el("value", {}, [text(0)])]),
  ]),
  el("outcomeDeclaration", { identifier: "MAXSCORE", cardinality: "single", baseType: "float" }, [
    el("defaultValue", {}, [el("value", {}, [text(points(maxScore))])]),
  ]),
  el("outcomeDeclaration", { identifier: "FEEDBACK", cardinality: "single", baseType: "identifier" }),
];

const setScore = (value: XmlNode) => el("setOutcomeValue", { identifier: "SCORE" }, [value]);
const floatValue = (n: number | string) => el("baseValue", { baseType: "float" }, [text(n)]);
const showFeedback = el("setOutcomeValue", { identifier: "FEEDBACK" }, [el("baseValue", { baseType: "identifier" }, [text("GENERAL")])]);

/** Full points when `condition` holds; the general feedback is shown either way. */
const scoreIf = (condition: XmlNode, maxScore: number): XmlNode =>
  el("responseProcessing", {}, [
    el("responseCondition", {}, [el("responseIf", {}, [condition, setScore(floatValue(points(maxScore)))])]),
    showFeedback,
  ]);

const matchCorrect = (id: string) => el("match", {}, [el("variable", { identifier: id }), el("correct", { identifier: id })]);

interface Parts {
  declarations: XmlNode[];
  interaction: XmlNode[];
  processing: XmlNode;
}

function partsOf(answer: VariantAnswer, maxScore: number): Parts {
  switch (answer.type) {
    case "ordering": {
      const ids = answer.items.map((_, i) => `S${i + 1}`);
      // Listed in alphabetical order, not the answer's: a player that ignores shuffle does not give it away.
      const listed = answer.items.map((item, i) => ({ item, id: ids[i] })).sort((a, b) => a.item.localeCompare(b.item, "en"));
      return {
        declarations: [
          el("responseDeclaration", { identifier: "RESPONSE", cardinality: "ordered", baseType: "identifier" }, [
            el(
              "correctResponse",
              {},
              ids.map((id) => el("value", {}, [text(id)])),
            ),
          ]),
        ],
        interaction: [
          el(
            "orderInteraction",
            { responseIdentifier: "RESPONSE", shuffle: "true" },
            listed.map(({ item, id }) => el("simpleChoice", { identifier: id }, [text(item)])),
          ),
        ],
        processing: scoreIf(matchCorrect("RESPONSE"), maxScore),
      };
    }
    case "multichoice":
      return {
        declarations: [
          el("responseDeclaration", { identifier: "RESPONSE", cardinality: "single", baseType: "identifier" }, [
            el(
              "correctResponse",
              {},
              answer.options.flatMap((o, i) => (o.correct ? [el("value", {}, [text(`C${i + 1}`)])] : [])),
            ),
          ]),
        ],
        interaction: [
          el(
            "choiceInteraction",
            { responseIdentifier: "RESPONSE", shuffle: "false", maxChoices: 1 },
            answer.options.map((o, i) => el("simpleChoice", { identifier: `C${i + 1}` }, [text(o.text)])),
          ),
        ],
        processing: scoreIf(matchCorrect("RESPONSE"), maxScore),
      };
    case "numerical":
      return {
        declarations: [
          el("responseDeclaration", { identifier: "RESPONSE", cardinality: "single", baseType: "float" }, [
            el("correctResponse", {}, [el("value", {}, [text(answer.value)])]),
          ]),
        ],
        interaction: [
          el("p", {}, [
            el("textEntryInteraction", { responseIdentifier: "RESPONSE", expectedLength: 12 }),
            ...(answer.unit ? [text(` ${answer.unit}`)] : []),
          ]),
        ],
        processing: scoreIf(
          el("equal", { toleranceMode: "absolute", tolerance: `${answer.tolerance} ${answer.tolerance}` }, [
            el("variable", { identifier: "RESPONSE" }),
            el("correct", { identifier: "RESPONSE" }),
          ]),
          maxScore,
        ),
      };
    case "shortanswer": {
      const ids = answer.blanks.map((_, i) => `RESPONSE_${i + 1}`);
      return {
        declarations: answer.blanks.map((blank, i) =>
          el("responseDeclaration", { identifier: ids[i], cardinality: "single", baseType: "string" }, [
            el("correctResponse", {}, [el("value", {}, [text(blank.answers[0] ?? "")])]),
            el(
              "mapping",
              { defaultValue: 0 },
              blank.answers.map((a) => el("mapEntry", { mapKey: a, mappedValue: 1, caseSensitive: "false" })),
            ),
          ]),
        ),
        interaction: answer.blanks.map((blank, i) =>
          el("p", {}, [text(`${blank.label} `), el("textEntryInteraction", { responseIdentifier: ids[i], expectedLength: 16 })]),
        ),
        // Credit per blank: each right one is worth an equal share of the points.
        processing: el("responseProcessing", {}, [
          setScore(
            el("product", {}, [
              floatValue(points(maxScore / Math.max(1, ids.length))),
              el(
                "sum",
                {},
                ids.map((id) => el("mapResponse", { identifier: id })),
              ),
            ]),
          ),
          showFeedback,
        ]),
      };
    }
  }
}

/** One variant as a QTI 2.1 assessmentItem document. */
export function qtiItem(v: ExportVariant): string {
  const parts = partsOf(v.answer, v.points);
  const body: XmlNode[] = [el("div", {}, fragment(v.html)), ...(v.given ? [el("pre", {}, [text(v.given)])] : []), ...parts.interaction];
  return xmlDocument(
    el(
      "assessmentItem",
      {
        xmlns: QTI_NS,
        "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": `${QTI_NS} ${QTI_XSD}`,
        identifier: itemId(v),
        title: v.name,
        adaptive: "false",
        timeDependent: "false",
      },
      [
        ...parts.declarations,
        ...scoreDeclarations(v.points),
        el("itemBody", {}, body),
        parts.processing,
        ...(v.feedback
          ? [el("modalFeedback", { outcomeIdentifier: "FEEDBACK", identifier: "GENERAL", showHide: "show" }, [text(v.feedback)])]
          : []),
      ],
    ),
  );
}

function manifest(bank: ExportBank): string {
  const resources: XmlNode[] = [];
  for (const { template, variants } of bank.questions) {
    const templateResource = `T-${template.id}`;
    for (const v of variants) {
      const href = `items/${itemId(v)}.xml`;
      resources.push(
        el("resource", { identifier: itemId(v), type: ITEM_RESOURCE, href }, [
          el("file", { href }),
          el("dependency", { identifierref: templateResource }),
        ]),
      );
    }
    resources.push(
      el("resource", { identifier: templateResource, type: "webcontent", href: templateFile(template.id) }, [
        el("file", { href: templateFile(template.id) }),
      ]),
    );
  }
  return xmlDocument(
    el(
      "manifest",
      {
        xmlns: CP_NS,
        "xmlns:imsqti": QTI_NS,
        "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": `${CP_NS} ${CP_XSD} ${QTI_NS} ${QTI_XSD}`,
        identifier: "synack-bank",
      },
      [
        el("metadata", {}, [el("schema", {}, [text("QTIv2.1 Package")]), el("schemaversion", {}, [text("1.0.0")])]),
        el("organizations"),
        el("resources", {}, resources),
      ],
    ),
  );
}

/** The bank's variants as a QTI 2.1 package (a zip). */
export function exportQti(bank: ExportBank, _options: { locale: Locale }): ExportFile {
  const files: Record<string, [Uint8Array, { mtime: string }]> = {};
  const add = (path: string, content: string) => (files[path] = [strToU8(content), { mtime: ZIP_TIME }]);
  add("imsmanifest.xml", manifest(bank));
  for (const { template, variants } of bank.questions) {
    add(templateFile(template.id), `${JSON.stringify(template, null, 2)}\n`);
    for (const v of variants) add(`items/${itemId(v)}.xml`, qtiItem(v));
  }
  return { body: zipSync(files, { level: 9 }), contentType: "application/zip", extension: "zip" };
}

// ------------------------------------------------------------------------------- import

/** The 1-based line of the first `needle` in `text`, or null. */
function lineOf(xml: string, needle: string): FileLine {
  const at = xml.indexOf(needle);
  return at < 0 ? null : xml.slice(0, at).split("\n").length;
}

function unpack(bytes: Uint8Array): Unzipped | null {
  let total = 0;
  try {
    return unzipSync(bytes, {
      // Sizes are read from the zip's directory before anything is inflated: a zip bomb stops here.
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_UNPACKED_BYTES) throw new RangeError("too large unpacked");
        return true;
      },
    });
  } catch {
    return null;
  }
}

/** The kinds of interaction an item asks with (every QTI interaction's element name ends so), in document order. */
function interactionsOf(nodes: readonly XmlNode[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name.endsWith("Interaction")) into.add(name);
    interactionsOf(childrenOf(node), into);
  }
  return into;
}

/** What an item without our marker becomes: a choice question, or skipped with why. */
function readItem(path: string, xml: string, report: ImportReport): void {
  const problem = xmlProblem(xml);
  if (problem) {
    report.problems.push({ line: problem.line, message: msg("bankTransfer.problems.badXml", { file: path, detail: problem.detail }) });
    return;
  }
  const nodes = readXml(xml);
  const [item] = findAll(nodes, "assessmentItem");
  if (!item) {
    report.problems.push({ line: 1, message: msg("bankTransfer.problems.notItem", { file: path, element: "assessmentItem" }) });
    return;
  }
  const name = attrOf(item, "title") ?? attrOf(item, "identifier") ?? path;
  const found = [...interactionsOf([item])];
  const [choice] = findAll([item], "choiceInteraction");
  const line = lineOf(xml, found[0] ?? "<assessmentItem");
  if (found.length !== 1 || !choice) {
    report.skipped.push({
      line,
      name,
      reason:
        found.length === 0
          ? msg("bankTransfer.skipped.noInteraction", { file: path })
          : msg("bankTransfer.skipped.notChoice", { file: path, types: found.join(", ") }),
    });
    return;
  }
  const responseId = attrOf(choice, "responseIdentifier") ?? "RESPONSE";
  const declaration = findAll([item], "responseDeclaration").find((d) => attrOf(d, "identifier") === responseId);
  const correct = new Set(findAll(findAll(declaration ? [declaration] : [], "correctResponse"), "value").map((v) => textOf(childrenOf(v))));
  const [body] = findAll([item], "itemBody");
  const html = [
    markupOf(childrenOf(body ?? item).filter((n) => nameOf(n) !== "choiceInteraction")),
    markupOf(findAll(childrenOf(choice), "prompt").flatMap(childrenOf)),
  ].join("\n");
  const maxScore = Number(
    textOf(
      findAll(
        findAll([item], "outcomeDeclaration").filter((o) => attrOf(o, "identifier") === "MAXSCORE"),
        "value",
      ).slice(0, 1),
    ),
  );
  const mapping = mapForeignChoice({
    name,
    html,
    points: Number.isFinite(maxScore) && maxScore > 0 ? maxScore : 1,
    options: findAll(childrenOf(choice), "simpleChoice").map((c) => ({
      html: markupOf(childrenOf(c)),
      correct: correct.has(attrOf(c, "identifier") ?? ""),
    })),
  });
  if (!mapping.ok) {
    report.skipped.push({ line, name, reason: msg(mapping.reason, mapping.values) });
    return;
  }
  report.questions.push({ line, name, template: mapping.template });
}

/** Reads a QTI 2.x package: our templates restored, choice items mapped where they match a topic, the rest skipped. */
export function importQti(bytes: Uint8Array): ImportReport {
  const report: ImportReport = { questions: [], skipped: [], problems: [] };
  const files = unpack(bytes);
  if (!files) {
    report.problems.push({ line: null, message: msg("bankTransfer.problems.notZip") });
    return report;
  }
  const manifestBytes = files["imsmanifest.xml"];
  if (!manifestBytes) {
    report.problems.push({ line: null, message: msg("bankTransfer.problems.noManifest", { file: "imsmanifest.xml" }) });
    return report;
  }
  const manifestXml = strFromU8(manifestBytes);
  const problem = xmlProblem(manifestXml);
  if (problem) {
    report.problems.push({
      line: problem.line,
      message: msg("bankTransfer.problems.badXml", { file: "imsmanifest.xml", detail: problem.detail }),
    });
    return report;
  }
  const resources = findAll(readXml(manifestXml), "resource");
  const byId = new Map(resources.map((r) => [attrOf(r, "identifier") ?? "", r]));
  const restored = new Set<string>();
  for (const resource of resources) {
    const type = attrOf(resource, "type") ?? "";
    if (!/^imsqti_item_xmlv2p[01]/.test(type)) continue;
    const href = attrOf(resource, "href") ?? attrOf(findAll(childrenOf(resource), "file")[0] ?? {}, "href") ?? "";
    const line = lineOf(manifestXml, `identifier="${attrOf(resource, "identifier") ?? ""}"`);
    // Our marker: a dependency on the template's JSON file.
    const marker = findAll(childrenOf(resource), "dependency")
      .map((d) => byId.get(attrOf(d, "identifierref") ?? ""))
      .map((r) => (r ? attrOf(r, "href") : undefined))
      .find((h): h is string => Boolean(h?.startsWith("templates/") && h.endsWith(".json")));
    if (marker) {
      if (restored.has(marker)) continue;
      restored.add(marker);
      const restoredTemplate = readTemplate(files[marker], marker, line, report);
      if (restoredTemplate)
        report.questions.push({ line, name: localized(restoredTemplate.title ?? "", "en"), template: restoredTemplate });
      continue;
    }
    const itemBytes = files[href];
    if (!itemBytes) {
      report.problems.push({ line, message: msg("bankTransfer.problems.missingFile", { file: href }) });
      continue;
    }
    readItem(href, strFromU8(itemBytes), report);
  }
  if (report.questions.length + report.skipped.length + report.problems.length === 0)
    report.problems.push({ line: null, message: msg("bankTransfer.problems.noItems") });
  return report;
}

function readTemplate(bytes: Uint8Array | undefined, file: string, line: FileLine, report: ImportReport): QuestionTemplateInput | null {
  if (!bytes) {
    report.problems.push({ line, message: msg("bankTransfer.problems.missingFile", { file }) });
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(bytes));
  } catch {
    report.problems.push({ line, message: msg("bankTransfer.problems.badTemplate", { file }) });
    return null;
  }
  const parsed = QuestionTemplateSchema.safeParse(data);
  if (!parsed.success) {
    report.problems.push({ line, message: msg("bankTransfer.problems.badTemplate", { file }) });
    return null;
  }
  return parsed.data;
}
