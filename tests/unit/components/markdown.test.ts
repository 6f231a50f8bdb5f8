// An author's Markdown reaches a student's browser as markup built from an allow-list: raw
// HTML (a <script>, an <img onerror=…>) is dropped, a javascript: link loses its target, and
// every link opens with rel="noopener noreferrer". The question view's prompt and the review's
// explanation are rendered this way.
import fc from "fast-check";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnswerReview } from "@/components/answer-review";
import { Markdown } from "@/components/markdown";
import { QuestionSetup } from "@/components/question-view";
import { msg } from "@/lib/i18n/msg";
import { expectedAnswer, present, starterLibrary } from "@/lib/questions";
import { simulate } from "@/lib/tcp";
import { catalogs } from "@/messages";

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));
/** The review's and the view's messages in English, as the app's provider gives them. */
const english = { locale: "en", messages: catalogs.en, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>;
const inEnglish = (node: ReactNode) => renderToStaticMarkup(createElement(NextIntlClientProvider, english, node));

/** Every tag of rendered markup with its attributes: text is escaped, so each "<" opens a real tag. */
function tags(markup: string): { name: string; attributes: Record<string, string> }[] {
  return [...markup.matchAll(/<([a-zA-Z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map(([, name, rest]) => ({
    name: name.toLowerCase(),
    attributes: Object.fromEntries([...rest.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map(([, k, v]) => [k.toLowerCase(), v ?? ""])),
  }));
}

const ALLOWED_TAGS = new Set(["div", "p", "strong", "em", "code", "pre", "ul", "ol", "li", "a", "blockquote", "br", "hr", "span"]);
const ALLOWED_ATTRIBUTES = new Set(["class", "href", "rel", "title", "start"]);

function expectSafe(markup: string) {
  for (const tag of tags(markup)) {
    expect(ALLOWED_TAGS, `<${tag.name}> in ${markup}`).toContain(tag.name);
    for (const [name, value] of Object.entries(tag.attributes)) {
      expect(ALLOWED_ATTRIBUTES, `${name}= in ${markup}`).toContain(name);
      if (name === "href") expect(value.trim().toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/);
    }
  }
  // The closing half of every tag the allow-list refuses is gone too.
  expect(markup).not.toMatch(/<\/?(script|img|iframe|style|object)/i);
}

describe("Markdown", () => {
  it("renders emphasis, code, lists and quotes", () => {
    const out = html("The **SYN** carries `seq=1000`:\n\n- first\n- second\n\n1. one\n\n> quoted");
    expect(out).toContain("<strong>SYN</strong>");
    expect(out).toMatch(/<code class="[^"]*font-mono[^"]*">seq=1000<\/code>/);
    expect(out).toMatch(/<ul class="[^"]*list-disc[^"]*">\s*<li>first<\/li>\s*<li>second<\/li>\s*<\/ul>/);
    expect(out).toMatch(/<ol class="[^"]*list-decimal[^"]*">\s*<li>one<\/li>\s*<\/ol>/);
    expect(out).toMatch(/<blockquote[^>]*>\s*<p>quoted<\/p>\s*<\/blockquote>/);
  });

  it("drops a <script> element, and its code with it", () => {
    const out = html("Before\n\n<script>alert('owned')</script>\n\nAfter <script>fetch('/api')</script> text");
    expect(out).not.toContain("<script");
    expect(out).not.toContain("alert(");
    expect(out).toContain("Before");
    expect(out).toContain("After");
    expectSafe(out);
  });

  it("drops an <img onerror=…> and other raw HTML with event handlers", () => {
    const out = html('Look <img src=x onerror=alert(1)> here\n\n<div onclick="steal()">box</div>\n\n<a href="#" onmouseover="x()">a</a>');
    expect(out).not.toContain("onerror");
    expect(out).not.toContain("onclick");
    expect(out).not.toContain("onmouseover");
    expect(out).not.toContain("<img");
    expectSafe(out);
  });

  it("keeps no javascript: link, and opens every link with rel=noopener noreferrer", () => {
    const out = html("[RFC 9293](https://www.rfc-editor.org/rfc/rfc9293) and [click](javascript:alert(1)) and <https://example.org>");
    expect(out).toContain('<a href="https://www.rfc-editor.org/rfc/rfc9293" rel="noopener noreferrer"');
    expect(out).not.toContain("javascript:");
    for (const tag of tags(out).filter((t) => t.name === "a")) expect(tag.attributes.rel).toBe("noopener noreferrer");
    expectSafe(out);
  });

  it("shows headings as paragraphs and images as their description", () => {
    const out = html("# Title\n\n## Part\n\n![a ladder diagram](https://example.org/x.png)");
    expect(out).not.toMatch(/<h[1-6]/);
    expect(out).toMatch(/<p class="[^"]*font-semibold[^"]*">Title<\/p>/);
    expect(out).toContain(">a ladder diagram</span>");
    expect(out).not.toContain("example.org");
  });

  it("builds only allow-listed markup from any mix of Markdown and hostile HTML", () => {
    const piece = fc.constantFrom(
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      '<svg onload="alert(1)">',
      '<iframe src="https://evil.example"></iframe>',
      "<style>body{display:none}</style>",
      "[x](javascript:alert(1))",
      '[y](https://example.org "t\\" onclick=\\"z")',
      "![i](javascript:alert(1))",
      "**bold**",
      "`code`",
      "\n\n- item\n",
      "\n\n```\n<script>x</script>\n```\n\n",
      "<",
      ">",
      '"',
      "&",
      " onerror=",
      "\n\n",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 12 }), (parts) => {
        expectSafe(html(parts.join("")));
      }),
      { numRuns: 300 },
    );
  });
});

describe("where authors' Markdown is shown", () => {
  const template = starterLibrary.find((t) => t.ask.kind === "states")!;
  const hostile = `Which states does the **client** pass through? <script>alert(1)</script> <img src=x onerror=alert(2)>`;

  it("the question view renders the prompt as sanitized Markdown", () => {
    const presentation = { ...present(template, 1), prompt: hostile };
    const out = inEnglish(createElement(QuestionSetup, { presentation }));
    expect(out).toContain("<strong>client</strong>");
    expect(out).not.toContain("<script");
    expect(out).not.toContain("onerror");
    // Dropped, not shown as text either.
    expect(out).not.toContain("&lt;script");
  });

  it("the review renders the explanation as sanitized Markdown", () => {
    const presentation = present(template, 1);
    const expected = expectedAnswer(template, 1);
    const out = inEnglish(
      createElement(AnswerReview, {
        presentation,
        draft: null,
        maxScore: 1,
        result: {
          score: 1,
          expected,
          trace: simulate({ actions: [] }),
          feedback: {
            correct: true,
            summary: msg("feedback.summary.correct"),
            messages: [],
            parts: [],
            concept: msg("families.handshake.concept"),
            explanation: "The *third* segment completes it. <img src=x onerror=alert(3)><script>alert(4)</script>",
          },
        },
      }),
    );
    expect(out).toContain("<em>third</em>");
    expect(out).not.toContain("<script");
    expect(out).not.toContain("onerror");
    expect(out).not.toContain("&lt;img");
  });
});

describe("the starter library as Markdown", () => {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, "&");
  const words = (s: string) => s.replace(/\s+/g, " ").trim();

  it("reads word for word as written: no state name, flag or <SEQ=…> is taken for Markdown or HTML", () => {
    const changed: string[] = [];
    let texts = 0;
    for (const t of starterLibrary)
      for (const field of ["prompt", "explanation"] as const) {
        const value = t[field];
        for (const text of typeof value === "string" ? [value] : Object.values(value ?? {})) {
          if (!text) continue;
          texts++;
          const shown = words(decode(html(text).replace(/<[^>]+>/g, "")));
          if (shown !== words(text)) changed.push(`${t.id} ${field}: ${shown}`);
        }
      }
    expect(texts).toBeGreaterThan(100);
    expect(changed).toEqual([]);
  });
});
