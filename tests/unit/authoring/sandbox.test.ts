// The sandbox's run (lib/authoring/sandbox.ts) and the builder's model (components/sandbox/model.ts):
// what a caller of POST /api/v1/sandbox/simulate and a person at the builder get back.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeShared } from "@/lib/authoring/client";
import { runSandbox, resolveSandboxTemplate, templateVaries, type SandboxIssue } from "@/lib/authoring/sandbox";
import { textIn } from "@/lib/i18n/translate";
import { CALLS, PROFILES } from "@/lib/tcp";
import {
  EXAMPLES,
  SANDBOX_CALLS,
  SANDBOX_PROFILES,
  appendItem,
  flagsChosen,
  flagsText,
  moveItem,
  numberOrText,
  pathText,
  questionDraft,
  questionHref,
  removeItem,
  setIn,
  shareHref,
  templateVaries as builderVaries,
  withCall,
  withEffect,
  type Template,
} from "@/components/sandbox/model";

const HANDSHAKE_AND_CLOSE = {
  actions: [
    { at: 0, endpoint: "server", call: "listen" },
    { at: 10, endpoint: "client", call: "connect" },
    { at: 500, endpoint: "client", call: "send", bytes: 100 },
    { at: 1000, endpoint: "client", call: "close" },
    { at: 1200, endpoint: "server", call: "close" },
  ],
};

const en = textIn("en");
const zh = textIn("zh-CN");
const issuesOf = (template: unknown) => {
  const result = runSandbox(template, 1);
  if (result.ok) throw new Error("expected the template to be refused");
  return result.issues;
};
const rendered = (issues: SandboxIssue[], render = en) => issues.map((i) => `${pathText(i.path)}: ${render(i.message)}`);

describe("runSandbox: a plain scenario", () => {
  it("runs docs/scenario-format.md's handshake and full close, with both state sequences (RFC 9293 §3.5, Figure 13)", () => {
    const result = runSandbox(HANDSHAKE_AND_CLOSE, 7);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.run.states.client).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED"]);
    expect(result.run.states.server).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"]);
    expect(result.run.trace.final).toEqual({ client: "CLOSED", server: "CLOSED" });
  });

  it("answers the scenario with every default filled in, whatever the seed", () => {
    const a = runSandbox(HANDSHAKE_AND_CLOSE, 1);
    const b = runSandbox(HANDSHAKE_AND_CLOSE, 99);
    if (!a.ok || !b.ok) throw new Error("should run");
    expect(a.run.scenario.profile).toBe("rfc9293");
    expect(a.run.scenario.timing.latencyMs).toBe(50);
    expect(a.run.scenario.endpoints.client.isn).toBe(1000);
    expect(a.run.scenario.endpoints.server.isn).toBe(5000);
    expect(a.run.scenario.network).toEqual([]);
    expect(b.run).toEqual(a.run);
    expect(templateVaries(HANDSHAKE_AND_CLOSE)).toBe(false);
  });

  it("sends the server's SYN-ACK with the client's ISN + 1 as its ack (RFC 9293 §3.4)", () => {
    const result = runSandbox({ ...HANDSHAKE_AND_CLOSE, endpoints: { client: { isn: 42 }, server: { isn: 7 } } }, 0);
    if (!result.ok) throw new Error("should run");
    const synAck = result.run.trace.events.find((e) => e.type === "send" && e.segment.flags === "SYN+ACK");
    expect(synAck && synAck.type === "send" ? [synAck.segment.seq, synAck.segment.ack] : null).toEqual([7, 43]);
  });
});

describe("runSandbox: a template with parts the seed varies", () => {
  const template = {
    timing: { latencyMs: { between: [20, 80] } },
    endpoints: { client: { isn: "random" }, server: { isn: "random" } },
    actions: [
      { at: 0, endpoint: "server", call: "listen" },
      { at: { between: [5, 40] }, endpoint: "client", call: "connect" },
    ],
    network: [{ match: { from: "client", flags: "SYN" }, effect: "delay", byMs: { between: [0, 300] } }],
    inject: [{ at: { between: [1, 3] }, to: "server", segment: { flags: "SYN", seq: 900 } }],
  };

  it("puts every varied value within its range, and the same seed gives the same run", () => {
    expect(templateVaries(template)).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), (seed) => {
        const result = runSandbox(template, seed);
        if (!result.ok) return false;
        const s = result.run.scenario;
        const fault = s.network[0];
        const inRange = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi;
        return (
          inRange(s.timing.latencyMs, 20, 80) &&
          inRange(s.actions[1].at, 5, 40) &&
          fault.effect === "delay" &&
          inRange(fault.byMs, 0, 300) &&
          inRange(s.inject[0].at, 1, 3) &&
          inRange(s.endpoints.client.isn, 0, 0xffff_ffff) &&
          inRange(s.endpoints.server.isn, 0, 0xffff_ffff) &&
          JSON.stringify(runSandbox(template, seed)) === JSON.stringify(result)
        );
      }),
      { numRuns: 60 },
    );
  });

  it("gives different seeds different scenarios", () => {
    const scenarios = new Set([1, 2, 3, 4, 5, 6].map((seed) => JSON.stringify(resolveSandboxTemplate(template, seed))));
    expect(scenarios.size).toBeGreaterThan(1);
  });
});

describe("runSandbox: problems at their paths", () => {
  it("names a range whose low end exceeds its high end", () => {
    expect(rendered(issuesOf({ timing: { latencyMs: { between: [80, 20] } }, actions: [] }))).toEqual([
      "timing.latencyMs.between: A range runs from the lowest to the highest: 80 is more than 20.",
    ]);
  });

  it("names a range end the engine refuses, once, at that end (latency at most 60 000 ms)", () => {
    expect(rendered(issuesOf({ timing: { latencyMs: { between: [10, 70000] } }, actions: [] }))).toEqual([
      "timing.latencyMs.between[1]: latencyMs cannot exceed 60000 ms",
    ]);
  });

  it("names a malformed range and an ISN that is neither a number nor random", () => {
    expect(
      rendered(issuesOf({ endpoints: { client: { isn: "any" } }, actions: [{ at: { from: 1 }, endpoint: "client", call: "connect" }] })),
    ).toEqual([
      'endpoints.client.isn: Give an initial sequence number from 0 to 4294967295, or "random" to let the seed pick one.',
      'actions[0].at: Give a whole number of milliseconds, or a range the seed picks from: an object whose "between" holds the lowest and the highest, such as [100, 200].',
    ]);
  });

  it("lists every problem of the scenario, each at its path, in the reader's language", () => {
    const bad = {
      profile: "bsd",
      timing: { latencyMS: 5 },
      actions: [
        { at: 0, endpoint: "server", call: "listen" },
        { at: 1.5, endpoint: "client", call: "connect" },
        { at: 10, endpoint: "client", call: "sned" },
        { at: 20, endpoint: "client", call: "send" },
        { at: 30, endpoint: "client", call: "close", bytes: 5 },
      ],
      network: [{ match: { from: "client", flags: "SYN+SYN" }, effect: "drop" }],
    };
    const issues = issuesOf(bad);
    expect(rendered(issues)).toEqual([
      "profile: Expected one of: rfc9293, linux, two-way-handshake, no-time-wait.",
      "timing: Not a field of the scenario format: latencyMS.",
      "actions[1].at: Expected a whole number.",
      "actions[2].call: Expected one of: listen, connect, accept, send, read, shutdown, close, abort, crash.",
      "actions[3].bytes: A send needs a number of bytes (1 or more).",
      "actions[4].bytes: Only a send has a number of bytes.",
      "network[0].match.flags: Not a flag set: choose one or more of SYN, FIN, RST, PSH, ACK, each once.",
    ]);
    expect(rendered(issues, zh)[2]).toBe("actions[1].at: 应为整数。");
    expect(rendered(issues, zh)[4]).toBe("actions[3].bytes: send 需要字节数（1 或更多）。");
  });

  it("refuses something that is not an object, and a missing actions list", () => {
    expect(rendered(issuesOf([1, 2]))).toEqual([": A scenario is a JSON object."]);
    expect(rendered(issuesOf({}))).toEqual(["actions: This is required."]);
    expect(rendered(issuesOf({ actions: [], network: [{ match: { from: "client", flags: "SYN" }, effect: "boom" }] }))).toEqual([
      "network[0].effect: Expected one of: drop, delay, duplicate.",
    ]);
  });

  it("stops a run that would pass the engine's event limit with a message, not a trace", () => {
    const sends = [1, 2, 3, 4, 5].map((i) => ({ at: 100 * i, endpoint: "client", call: "send", bytes: 10_000_000 }));
    const issues = issuesOf({
      actions: [{ at: 0, endpoint: "server", call: "listen" }, { at: 10, endpoint: "client", call: "connect" }, ...sends],
    });
    expect(rendered(issues)).toEqual([
      ": The run passed 100,000 events without settling: shorten the run or remove the fault that repeats.",
    ]);
  });
});

describe("the builder's model", () => {
  it("offers exactly the engine's profiles and calls", () => {
    expect([...SANDBOX_PROFILES]).toEqual([...PROFILES]);
    expect([...SANDBOX_CALLS]).toEqual([...CALLS]);
  });

  it("edits one value and keeps everything else, removing a key set to undefined", () => {
    const t: Template = { timing: { rtoMs: 300 }, actions: [] };
    const next = setIn(t, ["timing", "latencyMs"], 20);
    expect(next).toEqual({ timing: { rtoMs: 300, latencyMs: 20 }, actions: [] });
    expect(t).toEqual({ timing: { rtoMs: 300 }, actions: [] });
    expect(setIn(next, ["timing", "rtoMs"], undefined)).toEqual({ timing: { latencyMs: 20 }, actions: [] });
  });

  it("adds, reorders and removes rows of the time line", () => {
    let t: Template = { actions: [] };
    t = appendItem(t, ["actions"], { at: 0, endpoint: "server", call: "listen" });
    t = appendItem(t, ["actions"], { at: 10, endpoint: "client", call: "connect" });
    t = moveItem(t, ["actions"], 1, -1);
    expect(t.actions).toEqual([
      { at: 10, endpoint: "client", call: "connect" },
      { at: 0, endpoint: "server", call: "listen" },
    ]);
    expect(moveItem(t, ["actions"], 0, -1)).toBe(t);
    expect(removeItem(t, ["actions"], 0).actions).toEqual([{ at: 0, endpoint: "server", call: "listen" }]);
  });

  it("keeps what was typed in a number field when it is not a number, so the engine names the field", () => {
    expect(numberOrText("250")).toBe(250);
    expect(numberOrText("25o")).toBe("25o");
    const result = runSandbox(setIn(EXAMPLES["simultaneous-close"], ["actions", 1, "at"], numberOrText("1o")), 0);
    expect(result.ok ? [] : rendered(result.issues)).toEqual([
      'actions[1].at: Give a whole number of milliseconds, or a range the seed picks from: an object whose "between" holds the lowest and the highest, such as [100, 200].',
    ]);
  });

  it("gives a send its byte count and takes it away from other calls; an effect its own field", () => {
    expect(withCall({ at: 5, endpoint: "client", call: "close" }, "send")).toEqual({ at: 5, endpoint: "client", call: "send", bytes: 100 });
    expect(withCall({ at: 5, endpoint: "client", call: "send", bytes: 3 }, "close")).toEqual({ at: 5, endpoint: "client", call: "close" });
    const match = { from: "server", flags: "FIN+ACK" };
    expect(withEffect({ match, effect: "drop" }, "delay")).toEqual({ match, effect: "delay", byMs: 100 });
    expect(withEffect({ match, effect: "delay", byMs: 40 }, "duplicate")).toEqual({ match, effect: "duplicate", afterMs: 40 });
    expect(withEffect({ match, effect: "duplicate", afterMs: 40 }, "drop")).toEqual({ match, effect: "drop" });
  });

  it("writes flags in the engine's order", () => {
    expect(flagsText(new Set(["ACK", "FIN"]))).toBe("FIN+ACK");
    expect([...flagsChosen("ack+syn")].sort()).toEqual(["ACK", "SYN"]);
  });

  it("knows when the seed matters as the server does", () => {
    for (const example of Object.values(EXAMPLES)) expect(builderVaries(example)).toBe(templateVaries(example));
    expect(builderVaries(EXAMPLES.handshake)).toBe(true);
    expect(builderVaries(EXAMPLES["lost-last-ack"])).toBe(false);
  });

  it("shares a template in a link that decodes to the same template, with the seed when it varies", () => {
    const href = new URL(shareHref(EXAMPLES.handshake, 12), "http://x");
    expect(href.pathname).toBe("/sandbox");
    expect(decodeShared(href.searchParams.get("s"))).toEqual(EXAMPLES.handshake);
    expect(href.searchParams.get("seed")).toBe("12");
    expect(new URL(shareHref(EXAMPLES["lost-last-ack"], null), "http://x").searchParams.has("seed")).toBe(false);
  });

  it("links to the bank's new-question editor with a custom-scenario draft", () => {
    const draft = questionDraft(EXAMPLES["lost-last-ack"], { ask: "final-state", title: "Lost ACK", prompt: "Where does each end up?" });
    const href = new URL(questionHref("c 1", "b1", draft), "http://x");
    expect(href.pathname).toBe("/courses/c%201/banks/b1/questions/new");
    expect(decodeShared(href.searchParams.get("draft"))).toEqual({
      family: "custom",
      params: {},
      scenario: EXAMPLES["lost-last-ack"],
      ask: { kind: "final-state", endpoints: ["client", "server"] },
      title: "Lost ACK",
      prompt: "Where does each end up?",
    });
  });

  it("has examples that all run: the simultaneous close passes CLOSING on both sides (RFC 9293 §3.6, Figure 13)", () => {
    for (const example of Object.values(EXAMPLES)) expect(runSandbox(example, 3).ok).toBe(true);
    const result = runSandbox(EXAMPLES["simultaneous-close"], 0);
    if (!result.ok) throw new Error("should run");
    expect(result.run.states.client).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "CLOSING", "TIME_WAIT", "CLOSED"]);
    expect(result.run.states.server).toEqual([
      "CLOSED",
      "LISTEN",
      "SYN_RECEIVED",
      "ESTABLISHED",
      "FIN_WAIT_1",
      "CLOSING",
      "TIME_WAIT",
      "CLOSED",
    ]);
  });

  it("loses the last ACK in its example: the server retransmits its FIN and the client in TIME_WAIT acknowledges it again", () => {
    const result = runSandbox(EXAMPLES["lost-last-ack"], 0);
    if (!result.ok) throw new Error("should run");
    const serverFins = result.run.trace.events.filter(
      (e) => e.type === "send" && e.endpoint === "server" && e.segment.flags.includes("FIN"),
    );
    expect(serverFins.length).toBe(2);
    expect(result.run.states.server.at(-1)).toBe("CLOSED");
  });
});

describe("POST /api/v1/sandbox/simulate in the OpenAPI document", () => {
  it("is documented for any signed-in user, with the template body and the run's schema", async () => {
    const { openApiDocument } = await import("@/lib/api/openapi");
    const { sandboxOperations } = await import("@/lib/api/operations/sandbox");
    const doc = openApiDocument(sandboxOperations, { version: "test", serverUrl: "http://x" }) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody: { content: Record<string, { schema: { required: string[] } }> };
            responses: Record<string, unknown>;
            "x-access": string;
          }
        >
      >;
    };
    const op = doc.paths["/sandbox/simulate"].post;
    expect(op["x-access"]).toBe("any signed-in user");
    expect(op.requestBody.content["application/json"].schema.required).toEqual(["scenario"]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "401", "422"]));
    expect(JSON.stringify(op.responses["200"])).toContain("latencyMs");
  });
});
