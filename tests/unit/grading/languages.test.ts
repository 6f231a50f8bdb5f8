// One grade, two readers: the feedback is stored once, as messages, and reads in English or in
// Simplified Chinese. The three classic mistakes read as golden sentences in both languages
// (the engine's own words for the event and the rule are rendered by the engine's catalogs);
// feedback stored before messages still reads as it was written; and no feedback, for any
// template, seed or answer, fails to render or shows a message id or a stray ICU brace.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grade, parseStoredFeedback, type Feedback } from "@/lib/grading";
import { localized } from "@/lib/i18n/localized";
import { msg, type MessageKey } from "@/lib/i18n/msg";
import { expectedAnswer, instantiate, present, starterLibrary } from "@/lib/questions";
import { describeEvent, stateSequence, stateSpan, STATES, wireSegments, type StateEvent, type Trace } from "@/lib/tcp";
import { en, render, renderFeedback, zh } from "./translate";

const SEED = 424242;
const byId = (id: string) => {
  const t = starterLibrary.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};
/** The state event of `endpoint` going from `from` to `to`. */
function change(trace: Trace, endpoint: string, from: string, to: string): StateEvent {
  const e = trace.events.find((x): x is StateEvent => x.type === "state" && x.endpoint === endpoint && x.from === from && x.to === to);
  if (!e) throw new Error(`no ${from} -> ${to}`);
  return e;
}
/** The engine's words for what happened and for the rule, as each language's catalog renders them. */
const event = (locale: "en" | "zh-CN", trace: Trace, index: number) => render(locale, describeEvent(trace.events[index]));
const reason = (locale: "en" | "zh-CN", e: StateEvent) => render(locale, msg(`rules.${e.ruleId}` as MessageKey));

describe("the classic mistakes, explained in English and in Chinese", () => {
  it("a handshake of two segments: the final ACK is missing (why three segments)", () => {
    const t = byId("handshake-segments");
    const q = instantiate(t, SEED);
    const [syn, synAck, ack] = wireSegments(q.trace).map((w) => w.segment);
    expect([syn.flags, synAck.flags, ack.flags]).toEqual(["SYN", "SYN+ACK", "ACK"]);
    const two = [syn, synAck].map(({ from, flags, seq, ack: a }) => ({ from, flags, seq, ack: a }));
    const r = grade(t, SEED, { segments: two });
    expect(r).toMatchObject({ valid: true, score: 2, maxScore: 3 });
    const f = r.feedback;
    expect(en(f.summary)).toBe("Partly right: 2 of 3 points.");
    expect(zh(f.summary)).toBe("部分正确：得2分（满分3分）。");
    expect(f.messages.map(en)).toEqual([`You left out segment 3: the client sends ACK seq=${ack.seq} ack=${ack.ack}.`]);
    expect(f.messages.map(zh)).toEqual([`你漏掉了第3个报文段：客户端发送 ACK seq=${ack.seq} ack=${ack.ack}。`]);
    expect(f.parts.map((p) => zh(p.label))).toEqual(["第1个报文段", "第2个报文段", "第3个报文段"]);

    // The same idea asked as a count.
    const count = grade(byId("handshake-count"), SEED, { choice: "2" }).feedback;
    expect(en(count.messages[0])).toBe("You chose “2 segments”; the answer is “3 segments”.");
    expect(zh(count.messages[0])).toBe("你选的是“2个报文段”；正确答案是“3个报文段”。");
    expect(zh(count.summary)).toBe("不正确。");
  });

  it("the passive closer put in TIME_WAIT (only the active closer waits there)", () => {
    const t = byId("passive-close-states");
    const q = instantiate(t, SEED);
    const truth = stateSequence(q.trace, "server");
    expect(truth.slice(-3)).toEqual(["CLOSE_WAIT", "LAST_ACK", "CLOSED"]);
    const f = grade(t, SEED, { states: { server: [...truth.slice(0, -1), "TIME_WAIT", "CLOSED"] } }).feedback;
    const e = change(q.trace, "server", "LAST_ACK", "CLOSED");
    expect(e.rule).toBe("RFC 9293 §3.10.7.4");
    expect(en(f.messages[0])).toBe(
      `After LAST_ACK, you said the server goes to TIME_WAIT; it goes to CLOSED. t = ${e.t} ms: ${event("en", q.trace, e.cause)}. ` +
        `${reason("en", e)} (RFC 9293 §3.10.7.4)`,
    );
    expect(zh(f.messages[0])).toBe(
      `在 LAST_ACK 之后，你认为服务器进入 TIME_WAIT；实际上它进入 CLOSED。t = ${e.t} ms：${event("zh-CN", q.trace, e.cause)}。` +
        `${reason("zh-CN", e)}（RFC 9293 §3.10.7.4）`,
    );
    expect(zh(f.messages[0])).toContain("TIME_WAIT");
    expect(en(f.summary)).toMatch(/^Partly right: [\d.]+ of 2 points\.$/);
    expect(zh(f.summary)).toMatch(/^部分正确：得[\d.]+分（满分2分）。$/);
    expect(zh(f.parts[0].label)).toBe("服务器的状态");
    expect(f.firstMistake).toMatchObject({ said: "TIME_WAIT", actual: "CLOSED", rule: "RFC 9293 §3.10.7.4", eventIndex: e.cause });
    expect(zh(f.firstMistake?.cause)).toBe(`t = ${e.t} ms：${event("zh-CN", q.trace, e.cause)}`);
  });

  it("TIME_WAIT as one MSL instead of 2*MSL", () => {
    const t = byId("active-close-time-wait");
    const q = instantiate(t, SEED);
    const span = stateSpan(q.trace, "client", "TIME_WAIT")!;
    expect(span.leave! - span.enter).toBe(240_000); // 2 × MSL of 2 minutes (RFC 9293 §3.10.8)
    const e = change(q.trace, "client", "TIME_WAIT", "CLOSED");
    const f = grade(t, SEED, { ms: 120_000 }).feedback;
    expect(en(f.summary)).toBe("Not right.");
    expect(zh(f.summary)).toBe("不正确。");
    expect(en(f.messages[0])).toBe(
      `You said 120000 ms. The client stays in TIME_WAIT for 240000 ms (from t = ${span.enter} to ${span.leave} ms). ` +
        `t = ${span.leave} ms: ${event("en", q.trace, e.cause)}. ${reason("en", e)} (${e.rule})`,
    );
    expect(zh(f.messages[0])).toBe(
      `你的答案是 120000 ms。客户端在 TIME_WAIT 停留 240000 ms（从 t = ${span.enter} ms 到 t = ${span.leave} ms）。` +
        `t = ${span.leave} ms：${event("zh-CN", q.trace, e.cause)}。${reason("zh-CN", e)}（${e.rule}）`,
    );
    expect(zh(f.firstMistake?.said)).toBe("120000");
    expect(zh(grade(t, SEED, { ms: "never" }).feedback.messages[0])).toMatch(/^你的答案是“永不”。客户端在 TIME_WAIT 停留 240000 ms/);
    expect(zh(grade(t, SEED, { ms: 240_000 }).feedback.messages[0])).toBe(
      `正确。客户端在 TIME_WAIT 停留 240000 ms（从 t = ${span.enter} ms 到 t = ${span.leave} ms）。`,
    );
  });

  it("an unreadable answer says what is wrong, where, in both languages", () => {
    const states = grade(byId("handshake-states"), SEED, {
      states: { client: ["CLOSED", "SYN_SENT", "ESTABLISHED"], server: ["CLOSED", "LISTN"] },
    });
    expect(states.valid).toBe(false);
    expect(zh(states.feedback.summary)).toBe("这个答案无法读取，因此没有评分。");
    expect(states.feedback.messages.map(zh)).toEqual(["states.server.1：“LISTN”不是 TCP 状态——你是不是想写 LISTEN？"]);
    const flags = grade(byId("handshake-next"), SEED, {
      segment: { from: "client", flags: "ACK+ACK", seq: 1, ack: 2 },
      state: "ESTABLISHED",
    });
    expect(flags.feedback.messages.map(zh)).toEqual(["segment.flags：“ACK”在“ACK+ACK”中出现了两次"]);
    const shape = grade(byId("handshake-states"), SEED, { states: { client: "CLOSED" } });
    expect(shape.feedback.messages.map(en)).toEqual(["states.client: Invalid input: expected array, received string"]);
    expect(shape.feedback.messages.map(zh)).toEqual(["states.client：输入无效：应为列表，实际收到的是文本"]);
    const long = grade(byId("handshake-count"), SEED, { choice: "x".repeat(61) });
    expect(long.feedback.messages.map(en)).toEqual(["choice: Too big: expected string to have <=60 characters"]);
    expect(long.feedback.messages.map(zh)).toEqual(["choice：太长：最多60个字符"]);
    const missing = grade(byId("handshake-states"), SEED, { states: "CLOSED" });
    expect(missing.feedback.messages.map(en)).toEqual(["states: expected the states of client and server"]);
    expect(missing.feedback.messages.map(zh)).toEqual(["states：应给出客户端和服务器的状态"]);
  });
});

describe("stored feedback", () => {
  /** A row as the grader wrote it before feedback was messages: every text an English string. */
  const legacy: Feedback = {
    correct: false,
    summary: "Partly right: 1.5 of 2 points.",
    messages: [
      "After LAST_ACK, you said the server goes to TIME_WAIT; it goes to CLOSED. t = 1050 ms: the server receives ACK seq=5001 ack=1002. In LAST_ACK, the ACK of our FIN ends the connection (RFC 9293 §3.10.7.4).",
    ],
    firstMistake: {
      said: "TIME_WAIT",
      actual: "CLOSED",
      cause: "t = 1050 ms: the server receives ACK seq=5001 ack=1002",
      reason: "In LAST_ACK, the ACK of our FIN ends the connection.",
      rule: "RFC 9293 §3.10.7.4",
      eventIndex: 14,
    },
    parts: [{ label: "server states", credit: 0.75 }],
    explanation: "The passive closer goes CLOSE_WAIT, LAST_ACK, then CLOSED — it never enters TIME_WAIT.",
    concept: "The side that receives the first FIN is the passive closer.",
  };

  it("an old all-English row reads back unchanged, in either language", () => {
    const read = parseStoredFeedback(JSON.stringify(legacy));
    expect(read).toEqual(legacy);
    for (const locale of ["en", "zh-CN"] as const) {
      expect(renderFeedback(locale, read)).toEqual([
        legacy.summary,
        legacy.messages[0],
        "server states",
        "TIME_WAIT",
        "CLOSED",
        legacy.firstMistake!.cause,
        legacy.firstMistake!.reason,
        legacy.concept,
      ]);
      expect(localized(read.explanation!, locale)).toBe(legacy.explanation);
    }
  });

  it("what the grader writes now reads back as it was written", () => {
    for (const answer of [{ states: { server: ["CLOSED", "LISTEN"] } }, {}, "nonsense"]) {
      const { feedback } = grade(byId("passive-close-states"), SEED, answer);
      const read = parseStoredFeedback(JSON.stringify(feedback));
      expect(read).toEqual(JSON.parse(JSON.stringify(feedback)));
      expect(renderFeedback("zh-CN", read)).toEqual(renderFeedback("zh-CN", feedback));
    }
  });

  it("a row it cannot read does not throw: it says the feedback could not be read", () => {
    for (const json of ["", "{", "null", "[]", '{"correct":true}', JSON.stringify({ ...legacy, messages: [{ values: {} }] })]) {
      const read = parseStoredFeedback(json);
      expect(en(read.summary)).toBe("This feedback could not be read.");
      expect(zh(read.summary)).toBe("这条反馈无法读取。");
      expect(read.messages).toEqual([]);
    }
    expect(parseStoredFeedback('{"correct":true}').correct).toBe(true);
  });
});

describe("feedback renders in both languages for any template, seed and answer (fast-check)", () => {
  const template = fc.constantFrom(...starterLibrary);
  const seed = fc.integer({ min: 0, max: 0xffff_ffff });
  // A student's own text is shown back to them as they typed it; keep braces out of it so a
  // brace in the output can only be a message that was not formatted.
  const scrub = (value: unknown): unknown =>
    typeof value === "string"
      ? value.replace(/[{}]/g, "")
      : Array.isArray(value)
        ? value.map(scrub)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[{}]/g, ""), scrub(v)]))
          : value;
  /** Near the truth (one part changed) or anything at all. */
  const answerFor = (t: (typeof starterLibrary)[number], s: number) =>
    fc.oneof(
      fc
        .record({ n: fc.nat(), state: fc.constantFrom(...STATES, "fin-wait-2", "TIMEWAIT", ""), delta: fc.integer({ min: -3, max: 3 }) })
        .map(({ n, state, delta }) => {
          const { kind: _kind, ...truth } = expectedAnswer(t, s) as Record<string, unknown>;
          const copy = structuredClone(truth) as Record<string, unknown>;
          if (copy.states && typeof copy.states === "object") {
            const states = copy.states as Record<string, unknown>;
            const endpoint = Object.keys(states)[n % Object.keys(states).length];
            const list = states[endpoint];
            // Insert, replace, or stop early.
            if (Array.isArray(list)) list.splice(n % (list.length + 1), n % 3 === 2 ? list.length : n % 2, ...(n % 3 === 2 ? [] : [state]));
            else states[endpoint] = state;
          } else if (Array.isArray(copy.segments)) {
            // Leave one out, add one, or change a field.
            const list = copy.segments as Record<string, unknown>[];
            if (n % 5 === 0) list.splice(n % list.length, 1);
            else if (n % 5 === 1) list.push({ ...list[0] });
            else list[n % list.length][["from", "flags", "seq", "ack"][n % 4]] = n % 3 ? Math.max(0, delta + n) : "";
          } else if (copy.segment) copy.state = state;
          else if ("ms" in copy) copy.ms = n % 3 === 0 ? "never" : n % 3 === 1 ? null : n * 10;
          else if ("choice" in copy) copy.choice = ["client", "both", "reset", "2", "never", "nonsense"][n % 6];
          return copy as unknown;
        }),
      fc.jsonValue({ maxDepth: 3 }).map(scrub),
    );
  const cases = template.chain((t) => seed.chain((s) => answerFor(t, s).map((answer) => ({ t, s, answer }))));
  const RAW_ID = /\b(feedback|answers|rules|families|tcp|common)\.[A-Za-z]/;

  it("never throws, never leaves a brace or a message id", () => {
    fc.assert(
      fc.property(cases, ({ t, s, answer }) => {
        const { feedback } = grade(t, s, answer);
        const stored = parseStoredFeedback(JSON.stringify(feedback));
        const format = present(t, s).answer;
        for (const locale of ["en", "zh-CN"] as const) {
          const texts = [
            ...renderFeedback(locale, stored),
            ...(stored.explanation ? [localized(stored.explanation, locale)] : []),
            ...(format.kind === "choice" ? [render(locale, format.question), ...format.options.map((o) => render(locale, o.label))] : []),
          ];
          for (const text of texts) {
            expect(text).not.toMatch(/[{}]/);
            expect(text).not.toMatch(RAW_ID);
          }
          expect(texts[0].length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
