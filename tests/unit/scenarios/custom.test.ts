// Scenario templates (lib/scenarios/custom.ts, docs/scenario-format.md "Scenario templates"):
// the seed picks each varied number inside its range and an ISN for "random", the same seed
// always picks the same, a scenario that varies nothing resolves to itself, and a bad range
// is a schema error at its own path. The setup says what is given in both languages.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueText } from "@/lib/i18n/translate";
import {
  CUSTOM_FAMILY,
  ScenarioTemplateSchema,
  families,
  familyConcept,
  familyTitle,
  parseScenarioTemplate,
  resolveScenario,
  templateVaries,
  type ScenarioTemplateInput,
} from "@/lib/scenarios";
import { QuestionTemplateSchema } from "@/lib/questions";
import { ScenarioError, parseScenario, simulateParsed, type ScenarioInput } from "@/lib/tcp";
import { formatPath } from "@/lib/tcp/scenario";
import { textIn } from "../i18n/render-in";
import { scenarioArb } from "../tcp/arbitraries";

const en = textIn("en");
const zh = textIn("zh-CN");
const seedArb = fc.integer({ min: 0, max: 0xffff_ffff });
const UINT32_MAX = 0xffff_ffff;

/** A range around `value`, inside 0..max: what an author would write to vary it. */
const rangeAround = (value: number, max: number) =>
  fc
    .record({ below: fc.integer({ min: 0, max: 300 }), above: fc.integer({ min: 0, max: 300 }) })
    .map(({ below, above }) => ({ between: [Math.max(0, value - below), Math.min(max, value + above)] as [number, number] }));

const maybeVaried = (value: number, max: number) => fc.oneof(fc.constant(value), rangeAround(value, max));

/** A valid scenario (the engine's own arbitrary) with some of its numbers turned into ranges and "random". */
const templateArb: fc.Arbitrary<{ plain: ScenarioInput; template: ScenarioTemplateInput }> = scenarioArb.chain((plain) => {
  const s = parseScenario(plain);
  return fc
    .record({
      latencyMs: maybeVaried(s.timing.latencyMs, 60_000),
      clientIsn: fc.oneof(fc.constant<number | "random">(s.endpoints.client.isn), fc.constant("random" as const)),
      serverIsn: fc.oneof(fc.constant<number | "random">(s.endpoints.server.isn), fc.constant("random" as const)),
      actions: fc.tuple(...s.actions.map((a) => maybeVaried(a.at, 86_400_000))),
      network: fc.tuple(
        ...s.network.map((f) =>
          f.effect === "delay"
            ? maybeVaried(f.byMs, 3_600_000)
            : f.effect === "duplicate"
              ? maybeVaried(f.afterMs, 3_600_000)
              : fc.constant(0),
        ),
      ),
      inject: fc.tuple(...s.inject.map((i) => maybeVaried(i.at, 86_400_000))),
    })
    .map((v) => ({
      plain,
      template: {
        ...plain,
        timing: { ...plain.timing, latencyMs: v.latencyMs },
        endpoints: {
          ...plain.endpoints,
          client: { ...plain.endpoints?.client, isn: v.clientIsn },
          server: { ...plain.endpoints?.server, isn: v.serverIsn },
        },
        actions: plain.actions.map((a, i) => ({ ...a, at: v.actions[i] })),
        network: (plain.network ?? []).map((f, i) =>
          f.effect === "delay" ? { ...f, byMs: v.network[i] } : f.effect === "duplicate" ? { ...f, afterMs: v.network[i] } : f,
        ),
        inject: (plain.inject ?? []).map((x, i) => ({ ...x, at: v.inject[i] })),
      } as ScenarioTemplateInput,
    }));
});

/** The number the template gives for a field, checked against what the seed picked. */
function within(given: unknown, picked: number): boolean {
  if (typeof given === "number") return picked === given;
  const { between } = given as { between: [number, number] };
  return Number.isInteger(picked) && between[0] <= picked && picked <= between[1];
}

describe("resolveScenario", () => {
  it("picks every varied number inside its range, an ISN for each random one, and leaves the rest as written", () => {
    fc.assert(
      fc.property(templateArb, seedArb, ({ template: input }, seed) => {
        const template = ScenarioTemplateSchema.parse(input);
        const { scenario } = resolveScenario(template, seed);
        expect(within(template.timing.latencyMs, scenario.timing.latencyMs)).toBe(true);
        for (const name of ["client", "server"] as const) {
          const isn = template.endpoints[name].isn;
          if (isn === "random")
            expect(Number.isInteger(scenario.endpoints[name].isn) && scenario.endpoints[name].isn <= UINT32_MAX).toBe(true);
          else expect(scenario.endpoints[name].isn).toBe(isn);
        }
        template.actions.forEach((a, i) => {
          expect(within(a.at, scenario.actions[i].at), `actions[${i}].at`).toBe(true);
          expect({ ...scenario.actions[i], at: 0 }).toEqual({ ...a, at: 0 });
        });
        template.network.forEach((f, i) => {
          const got = scenario.network[i];
          expect(got.effect).toBe(f.effect);
          expect(got.match).toEqual(f.match);
          if (f.effect === "delay" && got.effect === "delay") expect(within(f.byMs, got.byMs)).toBe(true);
          if (f.effect === "duplicate" && got.effect === "duplicate") expect(within(f.afterMs, got.afterMs)).toBe(true);
        });
        template.inject.forEach((x, i) => {
          expect(within(x.at, scenario.inject[i].at)).toBe(true);
          expect(scenario.inject[i].segment).toEqual(x.segment);
        });
        // What resolves is a scenario the engine accepts as it is.
        expect(parseScenario(scenario)).toEqual(scenario);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same scenario and setup for the same seed", () => {
    fc.assert(
      fc.property(templateArb, seedArb, ({ template: input }, seed) => {
        const first = resolveScenario(ScenarioTemplateSchema.parse(input), seed);
        const again = resolveScenario(ScenarioTemplateSchema.parse(structuredClone(input)), seed);
        expect(again).toEqual(first);
        expect(simulateParsed(again.scenario)).toEqual(simulateParsed(first.scenario));
      }),
      { numRuns: 100 },
    );
  });

  it("resolves a plain scenario, whatever the seed, to the scenario itself", () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, (plain, seed) => {
        const template = ScenarioTemplateSchema.parse(plain);
        expect(templateVaries(template)).toBe(false);
        expect(resolveScenario(template, seed).scenario).toEqual(parseScenario(plain));
      }),
      { numRuns: 300 },
    );
  });

  it("reaches both ends of a range and everything between over many seeds", () => {
    const template = ScenarioTemplateSchema.parse({ timing: { latencyMs: { between: [5, 8] } }, actions: [] });
    const picked = new Set(Array.from({ length: 200 }, (_, seed) => resolveScenario(template, seed).scenario.timing.latencyMs));
    expect([...picked].sort()).toEqual([5, 6, 7, 8]);
  });

  it("a one-number range always gives that number", () => {
    const template = ScenarioTemplateSchema.parse({ actions: [{ at: { between: [40, 40] }, endpoint: "client", call: "connect" }] });
    for (const seed of [0, 1, 99, UINT32_MAX]) expect(resolveScenario(template, seed).scenario.actions[0].at).toBe(40);
    expect(templateVaries(template)).toBe(true);
  });

  it("random ISNs differ between seeds, and come near the wrap-around sometimes", () => {
    const template = ScenarioTemplateSchema.parse({ endpoints: { client: { isn: "random" } }, actions: [] });
    const isns = Array.from({ length: 200 }, (_, seed) => resolveScenario(template, seed).scenario.endpoints.client.isn);
    expect(new Set(isns).size).toBeGreaterThan(190);
    expect(isns.some((isn) => isn > UINT32_MAX - 5000)).toBe(true);
    // The server's ISN was not varied: it keeps the default.
    expect(resolveScenario(template, 7).scenario.endpoints.server.isn).toBe(5000);
  });
});

describe("ScenarioTemplateSchema", () => {
  /** Where a varied number lives, and a template holding `value` there. */
  const places: { path: (string | number)[]; put: (value: unknown) => unknown }[] = [
    { path: ["timing", "latencyMs"], put: (v) => ({ timing: { latencyMs: v }, actions: [] }) },
    {
      path: ["actions", 1, "at"],
      put: (v) => ({
        actions: [
          { at: 0, endpoint: "server", call: "listen" },
          { at: v, endpoint: "client", call: "connect" },
        ],
      }),
    },
    {
      path: ["network", 0, "byMs"],
      put: (v) => ({ actions: [], network: [{ match: { from: "client", flags: "SYN" }, effect: "delay", byMs: v }] }),
    },
    {
      path: ["network", 0, "afterMs"],
      put: (v) => ({ actions: [], network: [{ match: { from: "client", flags: "SYN" }, effect: "duplicate", afterMs: v }] }),
    },
    { path: ["inject", 0, "at"], put: (v) => ({ actions: [], inject: [{ at: v, to: "server", segment: { flags: "SYN", seq: 1 } }] }) },
  ];
  const place = fc.constantFrom(...places);

  const startsWith = (path: PropertyKey[], prefix: PropertyKey[]) => prefix.every((p, i) => path[i] === p);

  it("refuses a range whose lowest is above its highest, at the range's path", () => {
    fc.assert(
      fc.property(place, fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 1, max: 1000 }), (p, hi, gap) => {
        const result = ScenarioTemplateSchema.safeParse(p.put({ between: [hi + gap, hi] }));
        expect(result.success).toBe(false);
        const issues = result.error!.issues;
        expect(issues.map((i) => i.path)).toEqual([[...p.path, "between"]]);
        expect(en(issueText(issues[0]))).toBeDefined();
      }),
    );
  });

  it("refuses ends that are not whole milliseconds in bounds, at the end's path", () => {
    const badEnd = fc.oneof(
      fc.integer({ min: -100_000, max: -1 }),
      fc.double({ min: 0.1, max: 1000, noInteger: true, noNaN: true }),
      fc.integer({ min: 86_400_001, max: 2 ** 40 }),
    );
    fc.assert(
      fc.property(place, badEnd, fc.boolean(), (p, bad, atEnd) => {
        const range = atEnd ? [0, bad] : [bad, 10];
        const result = ScenarioTemplateSchema.safeParse(p.put({ between: range }));
        expect(result.success).toBe(false);
        expect(result.error!.issues.some((i) => startsWith(i.path, [...p.path, "between", atEnd ? 1 : 0]))).toBe(true);
      }),
    );
  });

  it("refuses a range of the wrong shape at the field's path, with words that say both forms", () => {
    const badShape = fc.constantFrom<unknown>({ between: [1] }, { between: [1, 2, 3] }, { betwen: [1, 2] }, "10-20", [1, 2], null, true);
    fc.assert(
      fc.property(place, badShape, (p, bad) => {
        const result = ScenarioTemplateSchema.safeParse(p.put(bad));
        expect(result.success).toBe(false);
        const issue = result.error!.issues.find((i) => startsWith(i.path, p.path))!;
        expect(issue.path).toEqual(p.path);
        expect(en(issueText(issue))).toContain("between");
        expect(zh(issueText(issue))).toMatch(/范围/);
      }),
    );
  });

  it("refuses anything beside between in a range, at the field's path", () => {
    for (const p of places) {
      const issues = ScenarioTemplateSchema.safeParse(p.put({ between: [1, 2], extra: 1 })).error!.issues;
      expect(issues.map((i) => [i.path, i.code])).toEqual([[p.path, "unrecognized_keys"]]);
    }
  });

  it('takes "random" only for the two ISNs', () => {
    expect(ScenarioTemplateSchema.safeParse({ endpoints: { server: { isn: "random" } }, actions: [] }).success).toBe(true);
    const misspelt = ScenarioTemplateSchema.safeParse({ endpoints: { server: { isn: "Random" } }, actions: [] });
    expect(misspelt.error!.issues.map((i) => [i.path, en(issueText(i))])).toEqual([
      [["endpoints", "server", "isn"], 'Give an initial sequence number from 0 to 4294967295, or "random" to let the seed pick one.'],
    ]);
    for (const p of places) expect(ScenarioTemplateSchema.safeParse(p.put("random")).success, p.path.join(".")).toBe(false);
  });

  it("keeps the engine's own rules and words for everything else", () => {
    const issues = (input: unknown) => ScenarioTemplateSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ timing: { latencyMs: 70_000 }, actions: [] })).toEqual([["timing.latencyMs", "latencyMs cannot exceed 60000 ms"]]);
    expect(issues({ actions: [{ at: { between: [1, 2] }, endpoint: "client", call: "send" }] })).toEqual([
      ["actions.0.bytes", "a send needs a byte count (bytes: 1 or more)"],
    ]);
    expect(issues({ endpoints: { client: { isn: "random", sysctl: {} } }, actions: [] })).toEqual([
      ["endpoints.client.sysctl", "sysctl belongs to profile linux, not rfc9293"],
    ]);
    expect(issues({ timing: { latencyMS: 5 }, actions: [] })?.[0][0]).toBe("timing");
    expect(issues({ actions: [], untilMs: { between: [1, 2] } })?.[0][0]).toBe("untilMs");
  });

  it("parseScenarioTemplate lists every problem with its path in English, as the engine does", () => {
    const bad = { timing: { latencyMs: { between: [90, 20] } }, actions: [{ at: "soon", endpoint: "client", call: "connect" }] };
    expect(() => parseScenarioTemplate(bad)).toThrow(ScenarioError);
    try {
      parseScenarioTemplate(bad);
    } catch (error) {
      expect((error as ScenarioError).problems).toEqual([
        "timing.latencyMs.between: A range runs from the lowest to the highest: 90 is more than 20.",
        'actions[0].at: Give a whole number of milliseconds, or a range the seed picks from: an object whose "between" holds the lowest and the highest, such as [100, 200].',
      ]);
    }
  });

  it("is representable as JSON Schema, for the API's documents", () => {
    const schema = JSON.stringify(z.toJSONSchema(ScenarioTemplateSchema, { io: "input" }));
    expect(schema).toContain('"between"');
    expect(schema).toContain('"random"');
  });
});

describe("the setup of a custom scenario", () => {
  const template = ScenarioTemplateSchema.parse({
    profile: "linux",
    timing: { latencyMs: { between: [30, 30] }, rtoMs: 500, delayedAckMs: 200 },
    endpoints: { client: { isn: 1000, sysctl: { tcp_syn_retries: 2 } }, server: { isn: 5000, backlog: 2, synQueue: 1, autoRead: false } },
    actions: [
      { at: 0, endpoint: "server", call: "listen" },
      { at: 10, endpoint: "client", call: "connect" },
      { at: 500, endpoint: "client", call: "send", bytes: 1 },
      { at: 900, endpoint: "server", call: "crash" },
    ],
    network: [
      { match: { from: "client", flags: "ack+syn", occurrence: 2 }, effect: "drop" },
      { match: { from: "server", flags: "FIN+ACK" }, effect: "delay", byMs: 40 },
      { match: { from: "client", flags: "ACK", occurrence: 3 }, effect: "duplicate", afterMs: 250 },
    ],
    inject: [{ at: 700, to: "client", segment: { flags: "RST+ACK", seq: 5001, ack: 1001 } }],
    untilMs: 60_000,
  });

  it("reads word for word in English", () => {
    expect(resolveScenario(template, 1).setup.map(en)).toEqual([
      "Both hosts run Linux.",
      "Each segment takes 30 ms to cross the network.",
      "The client's initial sequence number is 1000; the server's is 5000.",
      "The initial retransmission timeout is 500 ms; it doubles with each retry.",
      "Both sides delay their acknowledgments by up to 200 ms, hoping to send them with data.",
      "The server listens with backlog = 2.",
      "At t = 0 the server's SYN queue already holds 1 half-open connection from other clients that never answer.",
      "On the client's host, tcp_syn_retries = 2.",
      "The server's application reads received data only when it calls read().",
      "At t = 0 ms the server calls listen().",
      "At t = 10 ms the client calls connect().",
      "At t = 500 ms the client sends 1 byte.",
      "At t = 900 ms the server's host crashes and restarts, forgetting every connection; nothing is sent.",
      "The client's 2nd SYN+ACK segment is lost in the network.",
      "Every FIN+ACK segment the server sends is delayed in the network by an extra 40 ms.",
      "The network duplicates the client's 3rd ACK segment: a copy arrives 250 ms after it.",
      "Segments are counted per endpoint among those it sends with exactly those flags, from the first, retransmissions included.",
      "At t = 700 ms a stray segment that neither endpoint sent in this run (RST+ACK seq=5001 ack=1001) reaches the client.",
      "The run stops at t = 60000 ms.",
    ]);
  });

  it("reads word for word in Chinese", () => {
    expect(resolveScenario(template, 1).setup.map(zh)).toEqual([
      "两台主机都运行 Linux。",
      "每个报文段穿过网络需要30毫秒。",
      "客户端的初始序号是1000，服务器的初始序号是5000。",
      "初始重传超时 RTO 为500毫秒，每次重试后加倍。",
      "双方都会把确认最多延迟200毫秒，希望能随数据一起发送。",
      "服务器以 backlog = 2 监听。",
      "在 t = 0 时，服务器的半连接队列中已有1个来自其他客户端、永远不会应答的半开连接。",
      "在客户端的主机上，tcp_syn_retries = 2。",
      "服务器的应用程序只在调用 read() 时才读取收到的数据。",
      "在 t = 0 ms 时，服务器调用 listen()。",
      "在 t = 10 ms 时，客户端调用 connect()。",
      "在 t = 500 ms 时，客户端发送1字节数据。",
      "在 t = 900 ms 时，服务器的主机崩溃并重启，忘记了所有连接；没有发送任何报文段。",
      "客户端发送的第2个 SYN+ACK 报文段在网络中丢失。",
      "服务器发送的每个 FIN+ACK 报文段都在网络中被额外延迟40毫秒。",
      "网络复制了客户端发送的第3个 ACK 报文段：副本在它到达250毫秒后到达。",
      "报文段按端点分别计数：只数该端点发送的、标志位完全相同的报文段，从第一个算起，重传也计入。",
      "在 t = 700 ms 时，一个本次运行中双方都未发送的游离报文段（RST+ACK seq=5001 ack=1001）到达客户端。",
      "运行在 t = 60000 ms 时停止。",
    ]);
  });

  it("says the numbers the seed picked, in sentences that render in both languages", () => {
    fc.assert(
      fc.property(templateArb, seedArb, ({ template: input }, seed) => {
        const { scenario, setup } = resolveScenario(ScenarioTemplateSchema.parse(input), seed);
        const english = setup.map(en);
        const chinese = setup.map(zh);
        for (const sentence of english) expect(sentence).toMatch(/^[A-Z].*[.)]$/);
        for (const sentence of chinese) expect(sentence).toMatch(/^(?=.*[\u4e00-\u9fff]).*[。）]$/);
        for (const sentence of [...english, ...chinese]) expect(sentence).not.toMatch(/[{}]|\[object|undefined|NaN/);
        const all = english.join(" ");
        expect(all).toContain(`${scenario.timing.latencyMs} ms to cross`);
        expect(all).toContain(`is ${scenario.endpoints.client.isn};`);
        for (const a of scenario.actions) expect(all).toContain(`At t = ${a.at} ms the ${a.endpoint}`);
        for (const i of scenario.inject) expect(all).toContain(`At t = ${i.at} ms a stray segment`);
        expect(chinese.join(" ")).toContain(`${scenario.timing.latencyMs}毫秒`);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the custom pseudo-family", () => {
  it("is not one of the families, but has a title and a concept in both languages", () => {
    expect(families.map((f) => f.id)).not.toContain(CUSTOM_FAMILY.id);
    expect(familyTitle("custom")).toEqual(CUSTOM_FAMILY.title);
    expect(familyConcept("custom")).toEqual(CUSTOM_FAMILY.concept);
    expect(en(CUSTOM_FAMILY.title)).toBe("A custom scenario");
    expect(zh(CUSTOM_FAMILY.title)).toBe("自定义场景");
    expect(zh(CUSTOM_FAMILY.concept)).toMatch(/^(?=.*[\u4e00-\u9fff]).*。$/);
  });
});

describe("docs/scenario-format.md, Scenario templates", () => {
  const doc = readFileSync("docs/scenario-format.md", "utf8");
  const section = doc.slice(doc.indexOf("## Scenario templates: what the seed varies"), doc.indexOf("## Examples"));

  it("shows a template and the setup it reads with seed 1, word for word", () => {
    const [, json, text] = /```json\n([\s\S]*?)\n```\n\nreads, with seed 1:\n\n```text\n([\s\S]*?)\n```/.exec(section)!;
    const { setup } = resolveScenario(ScenarioTemplateSchema.parse(JSON.parse(json)), 1);
    expect(setup.map(en)).toEqual(text.split("\n"));
  });

  it("shows the errors a question template with bad varied parts gets, with their paths", () => {
    const [, block] = /Errors have paths[\s\S]*?```\n([\s\S]*?)\n```/.exec(section)!;
    const template = {
      id: "bad-custom",
      title: "Bad custom",
      family: "custom",
      prompt: "What happens here?",
      ask: { kind: "states", endpoints: ["client"] },
      scenario: {
        timing: { latencyMs: { between: [90, 20] } },
        endpoints: { server: { isn: "Random" } },
        actions: [
          { at: 0, endpoint: "server", call: "listen" },
          { at: { between: [-1, 5] }, endpoint: "client", call: "connect" },
        ],
      },
    };
    const lines = QuestionTemplateSchema.safeParse(template).error!.issues.map((i) => `${formatPath(i.path)}: ${en(issueText(i))}`);
    expect(lines.sort()).toEqual(block.split("\n").sort());
  });
});
