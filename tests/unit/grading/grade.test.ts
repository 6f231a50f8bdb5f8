// The grader on known cases: invalid answers, each policy, each kind of question, and the
// feedback for three classic mistakes (golden texts, with the numbers read off the trace).
// Feedback is stored as messages; these read it as an English reader does.
import { describe, expect, it } from "vitest";
import { grade, GRADER_VERSION } from "@/lib/grading";
import { expectedAnswer, instantiate, starterLibrary, type QuestionTemplateInput } from "@/lib/questions";
import { stateSequence, type StateEvent, type Trace } from "@/lib/tcp";
import { en } from "./translate";

const byId = (id: string) => {
  const t = starterLibrary.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};
const SEED = 424242;
const submitted = (t: QuestionTemplateInput, seed = SEED) => {
  const { kind: _k, ...rest } = expectedAnswer(t, seed);
  return rest as Record<string, unknown>;
};
/** The state event of `endpoint` leaving `from` for `to`, and what caused it. */
function change(trace: Trace, endpoint: string, from: string, to: string) {
  const e = trace.events.find((x): x is StateEvent => x.type === "state" && x.endpoint === endpoint && x.from === from && x.to === to);
  if (!e) throw new Error(`no ${from} -> ${to}`);
  const cause = trace.events[e.cause];
  if (cause.type !== "receive") throw new Error("expected a received segment");
  return { e, segment: cause.segment };
}

describe("invalid answers are not graded, and say what is wrong", () => {
  const t = byId("handshake-states");
  it("a misspelt state suggests the right one", () => {
    const r = grade(t, SEED, { states: { client: ["CLOSED", "SYN_SENT", "ESTABLISHED"], server: ["CLOSED", "LISTEN", "FIN_WAIT1"] } });
    expect(r).toMatchObject({ valid: false, score: 0, maxScore: 2 });
    expect(r.feedback.messages.map(en)).toEqual(['states.server.2: "FIN_WAIT1" is not a TCP state — did you mean FIN_WAIT_1?']);
  });
  it("the common spellings are accepted (SYN-SENT, lower case, netstat's SYN_RCVD)", () => {
    const r = grade(t, SEED, {
      states: { client: ["closed", "SYN-SENT", "Established"], server: ["CLOSED", "listen", "SYN_RCVD", "ESTABLISHED"] },
    });
    expect(r).toMatchObject({ valid: true, score: 2 });
  });
  it("a blank part earns nothing but is not an error: the rest of the answer still counts", () => {
    const half = grade(t, SEED, { states: { client: ["CLOSED", "SYN_SENT", "ESTABLISHED"] } });
    expect(half).toMatchObject({ valid: true, score: 1, maxScore: 2 });
    expect(en(half.feedback.messages[1])).toBe("You gave no states for the server. It starts in CLOSED and goes on to LISTEN.");
    expect(grade(t, SEED, {})).toMatchObject({ valid: true, score: 0 });
    // Every kind accepts an empty answer as unanswered, not as unreadable.
    for (const template of starterLibrary) expect(grade(template, SEED, {}).valid, template.id).toBe(true);
    expect(en(grade(byId("handshake-next"), SEED, {}).feedback.messages[0])).toMatch(/ You left it blank\.$/);
    const segments = grade(byId("handshake-segments"), SEED, { segments: [{ from: "client", flags: "SYN", seq: null, ack: null }] });
    expect(segments.valid).toBe(true);
    expect(segments.score).toBeGreaterThan(0);
  });
  it("a wrong shape or nonsense is reported with its path", () => {
    expect(en(grade(t, SEED, { states: { client: "CLOSED" } }).feedback.messages[0])).toMatch(/^states\.client: /);
    expect(grade(t, SEED, "CLOSED SYN_SENT").valid).toBe(false);
    expect(grade(t, SEED, null).valid).toBe(false);
    expect(grade(byId("lost-syn-leave"), SEED, { ms: -5 }).feedback.messages.map(en)).toEqual(["ms: a time is not negative"]);
    expect(
      grade(byId("handshake-next"), SEED, {
        segment: { from: "client", flags: "ACK+ACK", seq: 1, ack: 2 },
        state: "ESTABLISHED",
      }).feedback.messages.map(en),
    ).toEqual(['segment.flags: "ACK" appears twice in "ACK+ACK"']);
  });
  it("every result carries the grader version", () => {
    expect(grade(t, SEED, {}).graderVersion).toBe(GRADER_VERSION);
  });
});

describe("policies for state sequences", () => {
  // The server's true sequence in a handshake: CLOSED LISTEN SYN_RECEIVED ESTABLISHED (4 states).
  const base = byId("handshake-states");
  const client = ["CLOSED", "SYN_SENT", "ESTABLISHED"];
  const wrongThird = { states: { client, server: ["CLOSED", "LISTEN", "ESTABLISHED", "ESTABLISHED"] } };
  it("all-or-nothing: one wrong state gives 0", () => {
    expect(grade({ ...base, policy: "all-or-nothing" }, SEED, wrongThird).score).toBe(0);
  });
  it("prefix: credit for the steps before the first mistake (2 of 4 for the server, all 3 for the client)", () => {
    expect(grade({ ...base, policy: "prefix", points: 1 }, SEED, wrongThird).score).toBe((1 + 2 / 4) / 2);
  });
  it("alignment: one substitution in 4 costs a quarter of that endpoint", () => {
    expect(grade({ ...base, policy: "alignment", points: 1 }, SEED, wrongThird).score).toBe((1 + 3 / 4) / 2);
  });
  it("a transient state may be included or left out", () => {
    const t = byId("simultaneous-close-states");
    for (let seed = 1; seed < 40; seed++) {
      const q = instantiate(t, seed);
      const full = {
        states: {
          client: stateSequence(q.trace, "client", { includeTransient: true }),
          server: stateSequence(q.trace, "server", { includeTransient: true }),
        },
      };
      expect(grade(t, seed, full).score).toBe(t.points);
    }
  });
});

describe("other kinds of question", () => {
  it("segments: per-field credit, and the feedback names the segment and the fields", () => {
    const t = byId("handshake-segments");
    const right = submitted(t) as { segments: { from: string; flags: string; seq: number; ack: number }[] };
    const wrong = structuredClone(right);
    wrong.segments[2].ack += 1; // the classic off-by-one: forgetting that SYN takes a number
    const r = grade(t, SEED, wrong);
    expect(r.score).toBeCloseTo((3 * (1 + 1 + 0.75)) / 3, 4);
    expect(en(r.feedback.messages[0])).toMatch(
      /^Segment 3: you said the client sends ACK seq=\d+ ack=\d+; the client sends ACK seq=\d+ ack=\d+ \(t = \d+ ms: the client receives SYN\+ACK seq=\d+ ack=\d+\)\. Check ack\.$/,
    );
  });
  it("next: a wrong state after the right segment", () => {
    const t = byId("handshake-next");
    const answer = { ...submitted(t), state: "SYN_SENT" };
    const r = grade(t, SEED, answer);
    expect(r.feedback.parts.find((p) => en(p.label) === "state")?.credit).toBe(0);
    expect(r.score).toBeCloseTo(2 * 0.8, 4);
  });
  it("time: exact milliseconds, or 'never'", () => {
    const t = byId("active-close-time-wait");
    expect(grade(t, SEED, { ms: 240_000 }).score).toBe(1);
    expect(en(grade(t, SEED, { ms: 120_000 }).feedback.messages[0])).toMatch(
      /^You said 120000 ms\. The client stays in TIME_WAIT for 240000 ms/,
    );
    const never = byId("two-way-handshake-final");
    expect(grade(never, SEED, { states: { server: "ESTABLISHED" } }).score).toBe(1);
  });
  it("choice: right or wrong, with the option's label", () => {
    const t = byId("connection-refused-outcome");
    expect(grade(t, SEED, { choice: "reset" }).score).toBe(1);
    expect(en(grade(t, SEED, { choice: "timeout" }).feedback.messages[0])).toBe(
      "You chose “It fails after retrying: the attempt times out”; the answer is “It fails at once: the connection is reset or refused”.",
    );
  });
});

describe("feedback for classic mistakes (golden)", () => {
  it("TIME_WAIT on the passive closer", () => {
    const t = byId("passive-close-states");
    const q = instantiate(t, SEED);
    const truth = stateSequence(q.trace, "server");
    expect(truth.slice(-3)).toEqual(["CLOSE_WAIT", "LAST_ACK", "CLOSED"]);
    const said = [...truth.slice(0, -1), "TIME_WAIT", "CLOSED"];
    const r = grade(t, SEED, { states: { server: said } });
    const { e, segment } = change(q.trace, "server", "LAST_ACK", "CLOSED");
    expect(en(r.feedback.messages[0])).toBe(
      `After LAST_ACK, you said the server goes to TIME_WAIT; it goes to CLOSED. t = ${e.t} ms: the server receives ACK seq=${segment.seq} ack=${segment.ack}. ` +
        "In LAST_ACK, the ACK of our FIN ends the connection. (RFC 9293 §3.10.7.4)",
    );
    expect(r.feedback.firstMistake).toMatchObject({ said: "TIME_WAIT", actual: "CLOSED", rule: "RFC 9293 §3.10.7.4", eventIndex: e.cause });
  });

  it("FIN_WAIT_2 instead of CLOSING in a simultaneous close", () => {
    const t = byId("simultaneous-close-states");
    const q = instantiate(t, SEED);
    const client = stateSequence(q.trace, "client");
    const said = client.map((s) => (s === "CLOSING" ? "FIN_WAIT_2" : s));
    const r = grade(t, SEED, { states: { client: said, server: stateSequence(q.trace, "server") } });
    const { e, segment } = change(q.trace, "client", "FIN_WAIT_1", "CLOSING");
    expect(en(r.feedback.messages[0])).toBe(
      `After FIN_WAIT_1, you said the client goes to FIN_WAIT_2; it goes to CLOSING. t = ${e.t} ms: the client receives FIN+ACK seq=${segment.seq} ack=${segment.ack}. ` +
        "In FIN_WAIT_1, a FIN that does not acknowledge our own FIN (simultaneous close) moves the connection to CLOSING. (RFC 9293 §3.10.7.4)",
    );
    expect(r.score).toBeLessThan(r.maxScore);
  });

  it("ESTABLISHED on the server before the third segment", () => {
    const t = byId("handshake-states");
    const q = instantiate(t, SEED);
    const r = grade(t, SEED, { states: { client: stateSequence(q.trace, "client"), server: ["CLOSED", "LISTEN", "ESTABLISHED"] } });
    const { e, segment } = change(q.trace, "server", "LISTEN", "SYN_RECEIVED");
    expect(en(r.feedback.messages[1])).toBe(
      `After LISTEN, you said the server goes to ESTABLISHED; it goes to SYN_RECEIVED. t = ${e.t} ms: the server receives SYN seq=${segment.seq}. ` +
        "A SYN arrived for the listener: answer SYN+ACK and wait for the ACK. (RFC 9293 §3.10.7.2)",
    );
    expect(en(r.feedback.messages[0])).toMatch(/^The client's states are right: CLOSED → SYN_SENT → ESTABLISHED\.$/);
  });
});
