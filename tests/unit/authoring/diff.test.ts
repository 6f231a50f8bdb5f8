// What the history page says changed between two versions of a question: every difference of
// the two templates with its path, what it was and what it became, as a sentence in both
// languages.
import { describe, expect, it } from "vitest";
import { changeSentence, pathText, templateDiff, valueText, VALUE_CHARS } from "@/lib/authoring/diff";
import { starterLibrary } from "@/lib/questions";
import { say } from "../attempts/say";

const base = {
  id: "handshake-states",
  title: { en: "Handshake states", "zh-CN": "握手状态" },
  family: "handshake",
  params: { lossy: false },
  prompt: "Which states does the client pass through?",
  ask: { kind: "states", endpoint: "client" },
  points: 2,
  tags: ["handshake", "states"],
};

describe("templateDiff", () => {
  it("finds nothing between a template and a copy of it", () => {
    expect(templateDiff(base, structuredClone(base))).toEqual([]);
    for (const t of starterLibrary) expect(templateDiff(t, JSON.parse(JSON.stringify(t)))).toEqual([]);
  });

  it("names each changed, added and removed field by its path, with its values before and after", () => {
    const after = structuredClone(base) as Record<string, unknown>;
    (after.ask as Record<string, unknown>).endpoint = "server";
    after.points = 3;
    after.explanation = "The client ends in ESTABLISHED.";
    delete (after as { params?: unknown }).params;
    (after.title as Record<string, string>)["zh-CN"] = "三次握手的状态";
    after.tags = ["handshake", "states", "week-1"];
    const changes = templateDiff(base, after);
    expect(changes).toEqual(
      expect.arrayContaining([
        { type: "changed", path: ["ask", "endpoint"], before: "client", after: "server" },
        { type: "changed", path: ["points"], before: 2, after: 3 },
        { type: "added", path: ["explanation"], after: "The client ends in ESTABLISHED." },
        { type: "removed", path: ["params"], before: { lossy: false } },
        { type: "changed", path: ["title", "zh-CN"], before: "握手状态", after: "三次握手的状态" },
        { type: "added", path: ["tags", 2], after: "week-1" },
      ]),
    );
    expect(changes).toHaveLength(6);
  });

  it("reports a whole value replaced when the two are not both objects", () => {
    expect(templateDiff("a", "b")).toEqual([{ type: "changed", path: [], before: "a", after: "b" }]);
    expect(templateDiff([1], { a: 1 })).toEqual([{ type: "changed", path: [], before: [1], after: { a: 1 } }]);
    expect(templateDiff(null, null)).toEqual([]);
  });
});

describe("the words of a change", () => {
  it("writes paths with dots for fields and brackets for list positions", () => {
    expect(pathText(["ask", "endpoint"])).toBe("ask.endpoint");
    expect(pathText(["tags", 1])).toBe("tags[1]");
    expect(pathText(["title", "zh-CN"])).toBe("title.zh-CN");
    expect(pathText(["ask", "options", 0, "text"])).toBe("ask.options[0].text");
    expect(pathText([])).toBe("template");
  });

  it("shows values as JSON and shortens long ones", () => {
    expect(valueText("client")).toBe('"client"');
    expect(valueText(3)).toBe("3");
    expect(valueText({ lossy: false })).toBe('{"lossy":false}');
    const long = valueText("x".repeat(500));
    expect(long).toHaveLength(VALUE_CHARS);
    expect(long.endsWith("…")).toBe(true);
  });

  it("says each change as a sentence with its path, before and after, in English", () => {
    expect(say(changeSentence({ type: "changed", path: ["ask", "endpoint"], before: "client", after: "server" }))).toBe(
      'What is asked (ask.endpoint) changed from "client" to "server"',
    );
    expect(say(changeSentence({ type: "added", path: ["tags", 2], after: "week-1" }))).toBe('A tag (tags[2]) was added: "week-1"');
    expect(say(changeSentence({ type: "removed", path: ["params"], before: { lossy: false } }))).toBe(
      'A parameter (params) was removed; it was {"lossy":false}',
    );
    expect(say(changeSentence({ type: "changed", path: ["points"], before: 2, after: 3 }))).toBe("The points (points) changed from 2 to 3");
    expect(say(changeSentence({ type: "changed", path: ["somethingElse"], before: 1, after: 2 }))).toBe(
      "A field (somethingElse) changed from 1 to 2",
    );
  });

  it("says the same in Chinese, keeping the path and the values as they are", () => {
    expect(say(changeSentence({ type: "changed", path: ["prompt", "en"], before: "Old?", after: "New?" }), "zh-CN")).toBe(
      '题干（prompt.en）由 "Old?" 改为 "New?"',
    );
    expect(say(changeSentence({ type: "added", path: ["explanation"], after: "x" }), "zh-CN")).toBe('新增了解析（explanation）："x"');
    expect(say(changeSentence({ type: "removed", path: ["tags", 0], before: "a" }), "zh-CN")).toBe('删除了一个标签（tags[0]），原为 "a"');
  });
});
