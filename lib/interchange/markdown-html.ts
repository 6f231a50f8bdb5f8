// An author's Markdown as HTML for a file another system renders: the same CommonMark and the
// same sanitizer as the app's own rendering (components/markdown.tsx: remark, then
// rehype-sanitize's GitHub allow-list), so what an LMS shows is what a student here sees. Raw
// HTML in the Markdown is dropped, as the app drops it (remark-rehype keeps none unless told
// to). Self-closing elements are closed (`<br />`), so the result is also well-formed XML,
// which QTI's itemBody requires. An image is written as its description, as the app shows it: a
// question loads nothing from elsewhere, and the file carries no image.
import type { Element, ElementContent, Root } from "hast";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/** Each <img> replaced by its alt text in <em>, or dropped when it has none. */
function imagesAsText(node: Root | Element): void {
  const children: (Root | Element)["children"][number][] = [];
  for (const child of node.children) {
    if (child.type !== "element") children.push(child);
    else if (child.tagName !== "img") {
      imagesAsText(child);
      children.push(child);
    } else if (typeof child.properties.alt === "string" && child.properties.alt) {
      const em: ElementContent = {
        type: "element",
        tagName: "em",
        properties: {},
        children: [{ type: "text", value: child.properties.alt }],
      };
      children.push(em);
    }
  }
  node.children = children as typeof node.children;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(() => imagesAsText)
  .use(rehypeStringify, { closeSelfClosing: true, characterReferences: { useNamedReferences: true } });

/** Markdown → sanitized HTML. */
export function markdownHtml(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const escaped = (text: string) => text.replace(/[&<>]/g, (c) => ESCAPES[c]);

/** Plain lines (the setup's sentences) as an HTML list; nothing in them is markup. */
export function listHtml(lines: readonly string[]): string {
  return lines.length ? `<ul>${lines.map((line) => `<li>${escaped(line)}</li>`).join("")}</ul>` : "";
}
