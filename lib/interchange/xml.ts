// XML written and read with one library, fast-xml-parser, in its order-preserving form, where an
// element is `{ name: children, ":@": attributes }` and text is `{ "#text": … }` — the only form
// that keeps mixed content (an HTML prompt) in order. The builder escapes every text and
// attribute; nothing is concatenated into markup by hand. Pure.
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

export type XmlNode = { [name: string]: XmlNode[] | Record<string, string> | string | undefined; ":@"?: Record<string, string> };

const ATTR = "@_";

/** An element with its attributes (undefined ones left out) and children. */
export function el(
  name: string,
  attributes: Record<string, string | number | boolean | undefined> = {},
  children: XmlNode[] = [],
): XmlNode {
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) attrs[`${ATTR}${key}`] = String(value);
  return Object.keys(attrs).length ? { [name]: children, ":@": attrs } : { [name]: children };
}

/** A text node. */
export const text = (value: string | number): XmlNode => ({ "#text": String(value) });

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  suppressEmptyNode: true,
  // Not indented: whitespace added inside <pre> or around inline markup would change the text.
  format: false,
});

/** A document: the XML declaration, then the root. */
export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build([root]).trim()}\n`;
}

/** Nodes as markup again (an element's content, to hand on as HTML). */
export const markupOf = (nodes: readonly XmlNode[]): string => builder.build(nodes);

const fragmentParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

/** Well-formed markup (markdown-html.ts writes it so; character references of HTML are read) as nodes to place inside a document. */
export function fragment(markup: string): XmlNode[] {
  const [wrapper] = fragmentParser.parse(`<fragment>${markup}</fragment>`) as XmlNode[];
  return (wrapper?.fragment as XmlNode[] | undefined) ?? [];
}

/** Where a document is not well-formed: the line and the parser's words; null when it is. */
export function xmlProblem(xml: string): { line: number; detail: string } | null {
  const result = XMLValidator.validate(xml);
  return result === true ? null : { line: result.err.line, detail: result.err.msg };
}

const reader = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  removeNSPrefix: true,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

/** A document's nodes, namespace prefixes removed (check it with xmlProblem first). */
export const readXml = (xml: string): XmlNode[] => reader.parse(xml) as XmlNode[];

/** An element's name ("#text" for text, "?xml" for the declaration). */
export const nameOf = (node: XmlNode): string => Object.keys(node).find((k) => k !== ":@") ?? "";

/** An element's children (none for text). */
export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? value : [];
}

/** An attribute's value, namespace prefix ignored. */
export function attrOf(node: XmlNode, name: string): string | undefined {
  const attrs = node[":@"] ?? {};
  for (const [key, value] of Object.entries(attrs)) {
    const bare = key.slice(ATTR.length);
    if (bare === name || bare.endsWith(`:${name}`)) return value;
  }
  return undefined;
}

/** Every element named `name` under `nodes`, depth first, in document order. */
export function findAll(nodes: readonly XmlNode[], name: string): XmlNode[] {
  const found: XmlNode[] = [];
  for (const node of nodes) {
    if (nameOf(node) === name) found.push(node);
    found.push(...findAll(childrenOf(node), name));
  }
  return found;
}

/** The text under `nodes`, in order, spaces collapsed. */
export function textOf(nodes: readonly XmlNode[]): string {
  const parts: string[] = [];
  const walk = (list: readonly XmlNode[]) => {
    for (const node of list) {
      const name = nameOf(node);
      if (name === "#text") parts.push(String(node["#text"]));
      else {
        walk(childrenOf(node));
        // Block elements end a word: "<p>a</p><p>b</p>" reads "a b".
        if (/^(p|div|li|br|pre|h[1-6]|blockquote|simpleChoice|prompt)$/.test(name)) parts.push(" ");
      }
    }
  };
  walk(nodes);
  return parts.join("").replace(/\s+/g, " ").trim();
}
