// The files byte for byte, for a bank of two questions: the expected text is written here by
// hand from Moodle's own exporters (question/format/gift/format.php writequestion, and the
// shape of question/format/xml/tests/fixtures/multichoice.xml), the marker being the
// template's JSON as the contract says.
import { describe, expect, it } from "vitest";
import { gift } from "@/lib/interchange/gift";
import { moodleXml } from "@/lib/interchange/moodle-xml";
import type { ExportBank, ExportVariant } from "@/lib/interchange/types";
import { bodyText, multichoice, template } from "./bank";

const rst = template("fin-wait-2-timeout-rst");
const leave = template("accept-queue-overflow-leave");
const base = { setup: [], given: "", prompt: "", points: 1 };
const choice: ExportVariant = {
  ...base,
  template: rst,
  seed: 3,
  name: "Who sends RST? a:b",
  html: "<p>Which endpoint sends a RST segment?</p>",
  feedback: "Only the client {times out}.",
  answer: multichoice,
};
const number: ExportVariant = {
  ...base,
  template: leave,
  seed: 7,
  name: "Leave SYN_SENT",
  html: "<p>When?</p>",
  feedback: "",
  points: 3,
  answer: { type: "numerical", value: 3000, tolerance: 200, unit: "ms" },
};
const bank: ExportBank = {
  title: "TCP: closing",
  questions: [
    { template: rst, variants: [choice] },
    { template: leave, variants: [number] },
  ],
};

describe("exactly Moodle's layout", () => {
  it("GIFT", () => {
    expect(bodyText(gift.export(bank, { locale: "en" }).body)).toBe(
      [
        "// question: 0  name: Switch category to $course$/top/TCP: closing",
        "$CATEGORY: $course$/top/TCP: closing",
        "",
        "// question: fin-wait-2-timeout-rst-3  name: Who sends RST? a:b",
        `// synack-template: ${JSON.stringify(rst)}`,
        "::Who sends RST? a\\:b::[html]<p>Which endpoint sends a RST segment?</p>{",
        "\t=Only the client",
        "\t~Only the server",
        "\t~Both endpoints",
        "\t~Neither endpoint",
        "\t####<p>Only the client \\{times out\\}.</p>",
        "}",
        "",
        "// question: accept-queue-overflow-leave-7  name: Leave SYN_SENT",
        `// synack-template: ${JSON.stringify(leave)}`,
        "::Leave SYN_SENT::[html]<p>When?</p>\\n<p>Answer in ms.</p>{#",
        "\t=%100%3000:200#",
        "}",
        "",
        "",
      ].join("\n"),
    );
  });

  it("Moodle XML", () => {
    const feedback = (indent: string) => [`${indent}<feedback format="html">`, `${indent}  <text></text>`, `${indent}</feedback>`];
    const empty = (tag: string) => [`    <${tag} format="html">`, "      <text></text>", `    </${tag}>`];
    const marker = (t: object) =>
      `    <synack_template>${JSON.stringify(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}</synack_template>`;
    const option = (fraction: number, text: string) => [
      `    <answer fraction="${fraction}" format="html">`,
      `      <text><![CDATA[${text}]]></text>`,
      ...feedback("      "),
      "    </answer>",
    ];
    expect(bodyText(moodleXml.export(bank, { locale: "zh-CN" }).body)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<quiz>",
        "<!-- question: 0  -->",
        '  <question type="category">',
        "    <category>",
        "      <text>$course$/top/TCP: closing</text>",
        "    </category>",
        ...empty("info"),
        "  </question>",
        "",
        "<!-- question: 1  -->",
        '  <question type="multichoice">',
        "    <name>",
        "      <text>Who sends RST? a:b</text>",
        "    </name>",
        '    <questiontext format="html">',
        "      <text><![CDATA[<p>Which endpoint sends a RST segment?</p>]]></text>",
        "    </questiontext>",
        '    <generalfeedback format="html">',
        "      <text><![CDATA[<p>Only the client {times out}.</p>]]></text>",
        "    </generalfeedback>",
        "    <defaultgrade>1.0000000</defaultgrade>",
        "    <penalty>0.3333333</penalty>",
        "    <hidden>0</hidden>",
        "    <idnumber>fin-wait-2-timeout-rst-3</idnumber>",
        "    <single>true</single>",
        "    <shuffleanswers>false</shuffleanswers>",
        "    <answernumbering>abc</answernumbering>",
        "    <showstandardinstruction>0</showstandardinstruction>",
        ...empty("correctfeedback"),
        ...empty("partiallycorrectfeedback"),
        ...empty("incorrectfeedback"),
        "    <shownumcorrect/>",
        ...option(100, "Only the client"),
        ...option(0, "Only the server"),
        ...option(0, "Both endpoints"),
        ...option(0, "Neither endpoint"),
        marker(rst),
        "  </question>",
        "",
        "<!-- question: 2  -->",
        '  <question type="numerical">',
        "    <name>",
        "      <text>Leave SYN_SENT</text>",
        "    </name>",
        '    <questiontext format="html">',
        "      <text><![CDATA[<p>When?</p>\n<p>请以 ms 为单位作答。</p>]]></text>",
        "    </questiontext>",
        ...empty("generalfeedback"),
        "    <defaultgrade>3.0000000</defaultgrade>",
        "    <penalty>0.3333333</penalty>",
        "    <hidden>0</hidden>",
        "    <idnumber>accept-queue-overflow-leave-7</idnumber>",
        '    <answer fraction="100" format="moodle_auto_format">',
        "      <text>3000</text>",
        ...feedback("      "),
        "      <tolerance>200</tolerance>",
        "    </answer>",
        "    <unitgradingtype>0</unitgradingtype>",
        "    <unitpenalty>0.1000000</unitpenalty>",
        "    <showunits>3</showunits>",
        "    <unitsleft>0</unitsleft>",
        marker(leave),
        "  </question>",
        "",
        "</quiz>",
        "",
      ].join("\n"),
    );
  });
});
