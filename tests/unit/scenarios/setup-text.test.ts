// Every family's title, concept and setup read in English and in Simplified Chinese: each
// message exists in both catalogs with the arguments the family passes (a missing message
// or argument throws), and the numbers a student needs are in the sentences.
import { describe, expect, it } from "vitest";
import { families, familyConcept, familyTitle, generateVariant } from "@/lib/scenarios";
import { textIn } from "../i18n/render-in";

const en = textIn("en");
const zh = textIn("zh-CN");
const SEEDS = [1, 2, 3, 7920, 15_839, 99_991];
const CJK = /[\u4e00-\u9fff]/;

describe("family texts", () => {
  it.each(families.map((f) => [f.id]))("%s: title and concept in both languages", (id) => {
    const f = families.find((x) => x.id === id)!;
    expect(en(f.title)).toMatch(/^[A-Z]/);
    expect(en(f.concept)).toMatch(/^[A-Za-z].*[.]$/);
    expect(zh(f.title)).toMatch(CJK);
    expect(zh(f.concept)).toMatch(/^(?=.*[\u4e00-\u9fff]).*。$/);
    expect(familyTitle(id)).toEqual(f.title);
    expect(familyConcept(id)).toEqual(f.concept);
  });

  it("shows an id that is no family as it is", () => {
    expect(familyTitle("retired-family")).toBe("retired-family");
  });

  it.each(families.map((f) => [f.id]))("%s: the setup renders sentence by sentence in both languages", (id) => {
    for (const seed of SEEDS) {
      const { setup, scenario } = generateVariant(id, {}, seed);
      const english = setup.map(en);
      const chinese = setup.map(zh);
      for (const sentence of english) expect(sentence).toMatch(/^[A-Z].*[.)]$/);
      for (const sentence of chinese) expect(sentence).toMatch(/^(?=.*[\u4e00-\u9fff]).*[。）]$/);
      for (const sentence of [...english, ...chinese]) expect(sentence).not.toMatch(/[{}]|\[object|undefined|NaN/);
      // The numbers the setup gives (ISNs, the latency) are in both languages, unformatted.
      const isn = String(scenario.endpoints.server.isn);
      expect(english.join(" "), `${id} ${seed}`).toContain(isn);
      expect(chinese.join(" "), `${id} ${seed}`).toContain(isn);
      expect(chinese.join(" ")).toContain(`${scenario.timing.latencyMs}毫秒`);
    }
  });

  it("reads a fixed variant word for word", () => {
    const { setup } = generateVariant("lost-syn", { losses: 2 }, 1);
    expect(setup.map(en)).toEqual([
      "Each segment takes 54 ms to cross the network.",
      "The client's initial sequence number is 2251045104; the server's is 4055680838.",
      "At t = 0 ms the server calls listen().",
      "At t = 32 ms the client calls connect().",
      "The client's first 2 SYNs are lost in the network.",
    ]);
    expect(setup.map(zh)).toEqual([
      "每个报文段穿过网络需要54毫秒。",
      "客户端的初始序号是2251045104，服务器的初始序号是4055680838。",
      "在 t = 0 ms 时，服务器调用 listen()。",
      "在 t = 32 ms 时，客户端调用 connect()。",
      "客户端的前2个 SYN 报文段在网络中丢失。",
    ]);
    expect(generateVariant("lost-syn", { losses: 1 }, 1).setup.map(en).at(-1)).toBe("The client's first SYN is lost in the network.");
    expect(generateVariant("lost-syn", { losses: 1 }, 1).setup.map(zh).at(-1)).toBe("客户端的第一个 SYN 报文段在网络中丢失。");
  });

  it("counts in the setup with plurals: 1 half-open connection, 0 half-open connections", () => {
    const told = new Set(
      Array.from({ length: 40 }, (_, seed) =>
        generateVariant("syn-queue-overflow", { backlog: 1, full: false }, seed).setup.map(en).at(-1),
      ),
    );
    const counts = [...told].map((sentence) => /already holds (\d+ half-open connections?) from/.exec(sentence ?? "")?.[1]);
    expect(new Set(counts)).toEqual(new Set(["0 half-open connections", "1 half-open connection"]));
  });
});
