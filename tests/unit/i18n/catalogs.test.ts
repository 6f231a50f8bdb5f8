// The catalogs: every message in both languages with the same ICU arguments, valid ICU
// syntax, and no message nothing uses.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogs, NAMESPACES } from "@/messages";
import { DYNAMIC_KEYS } from "./dynamic-keys";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The arguments a message takes, with their ICU type: "n:plural", "name:argument". */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument) into.add(`${e.value}:argument`);
    else if (e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(`${e.value}:${TYPE[e.type]}`);
    else if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(`${e.value}:${TYPE[e.type]}`);
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    } else if (e.type === TYPE.tag) {
      into.add(`${e.value}:tag`);
      argumentsOf(e.children, into);
    }
  }
  return into;
}

/** The words a message shows, without its ICU syntax (arguments, plural and select keywords). */
function literalText(elements: MessageFormatElement[]): string {
  return elements
    .map((e) => {
      if (e.type === TYPE.literal) return e.value;
      if (e.type === TYPE.plural || e.type === TYPE.select)
        return Object.values(e.options)
          .map((o) => literalText(o.value))
          .join(" ");
      if (e.type === TYPE.tag) return literalText(e.children);
      return " ";
    })
    .join("");
}

const en = leaves(catalogs.en as unknown as Tree);
const zh = leaves(catalogs["zh-CN"] as unknown as Tree);

describe("message catalogs", () => {
  it("have the same message ids in English and Simplified Chinese", () => {
    const missing = [...en.keys()].filter((k) => !zh.has(k));
    const extra = [...zh.keys()].filter((k) => !en.has(k));
    expect({ missingInZh: missing, notInEnglish: extra }).toEqual({ missingInZh: [], notInEnglish: [] });
  });

  it("are valid ICU, and each message takes the same arguments in both languages", () => {
    const problems: string[] = [];
    for (const [key, english] of en) {
      const chinese = zh.get(key);
      try {
        const a = [...argumentsOf(parse(english))].sort();
        if (chinese === undefined) continue;
        const b = [...argumentsOf(parse(chinese))].sort();
        if (a.join() !== b.join()) problems.push(`${key}: en takes ${a.join(", ") || "nothing"}, zh-CN takes ${b.join(", ") || "nothing"}`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("have no empty message, and no English left in a Chinese one beyond RFC names", () => {
    // RFC names stay: state names, flags, option names, function calls, units and numbers.
    const allowed =
      /\b[A-Z][A-Z0-9_+-]*\b|\b[a-z_]+\(\)|\b(ms|s|min|h|seq|ack|len|RFC|Linux|TCP|MSL|RTO|RTT|ISN|IP|ID|id|SYN|FIN|RST|ACK|listen|connect|close|shutdown|accept|read|send|SynAck|Lab|Canvas|Moodle|LTI|JSON|CSV|URL|API|email|backlog|cookie|Authorization|Bearer|Markdown|OpenAPI|GIFT|QTI|XML|curl|synack_)\b|\btcp_[a-z0-9_]+\b/g;
    const problems: string[] = [];
    for (const [key, value] of zh) {
      if (!value.trim()) problems.push(`${key}: empty`);
      let text: string;
      try {
        text = literalText(parse(value));
      } catch {
        continue; // reported by the ICU test above
      }
      const words = text.replace(allowed, " ").match(/[A-Za-z]{4,}/g);
      if (words) problems.push(`${key}: "${value}" leaves English words: ${words.join(", ")}`);
    }
    for (const [key, value] of en) if (!value.trim()) problems.push(`${key}: empty`);
    expect(problems).toEqual([]);
  });

  it("use every message somewhere in the code", () => {
    const source = sourceText();
    const unused = [...en.keys()].filter((key) => !used(key, source));
    expect(unused).toEqual([]);
  });

  it("cover every namespace with a file in both languages", () => {
    expect(NAMESPACES.length).toBeGreaterThan(5);
    for (const ns of NAMESPACES) expect(typeof catalogs["zh-CN"][ns]).toBe("object");
  });
});

describe("message ids made from data", () => {
  it("name namespaces the catalog has", () => {
    for (const { prefix } of DYNAMIC_KEYS) expect(NAMESPACES).toContain(prefix.split(".")[0]);
  });
  for (const { prefix, ids, leaves: suffixes } of DYNAMIC_KEYS) {
    it(`${prefix}* has one message per id`, () => {
      const expected = ids().flatMap((id) => (suffixes ? suffixes.map((s) => `${prefix}${id}.${s}`) : [`${prefix}${id}`]));
      const present = [...en.keys()].filter((k) => k.startsWith(prefix));
      expect(present.sort()).toEqual([...new Set(expected)].sort());
    });
  }
});

function sourceText(): string {
  const roots = ["app", "components", "lib"];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === "generated" || name === "node_modules") continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name)) files.push(path);
    }
  };
  roots.forEach(walk);
  return files.map((f) => readFileSync(f, "utf8")).join("\n");
}

const quoted = (s: string) => [`"${s}"`, `'${s}'`, `\`${s}\``];

/**
 * A message is used when its full id is quoted in the code, when a namespace prefix of it is
 * quoted (useTranslations("ns")) and the rest is too (t("rest")), or when it is one of the
 * ids made from data (DYNAMIC_KEYS, checked above).
 */
function used(key: string, source: string): boolean {
  if (DYNAMIC_KEYS.some((d) => key.startsWith(d.prefix))) return true;
  if (quoted(key).some((q) => source.includes(q))) return true;
  const parts = key.split(".");
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join(".");
    const rest = parts.slice(i).join(".");
    if (quoted(prefix).some((q) => source.includes(q)) && quoted(rest).some((q) => source.includes(q))) return true;
  }
  return false;
}
