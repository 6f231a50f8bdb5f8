// How a kernel-check case becomes the engine's scenario and the relay's rules.
import { describe, expect, it } from "vitest";
import { parseScenario } from "@/lib/tcp";
import { CASES } from "@/scripts/kernel-check/cases";
import { engineActions, engineScenario } from "@/scripts/kernel-check/engine-run";
import { relayRule } from "@/scripts/kernel-check/run-case";

const byName = (name: string) => {
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(name);
  return c;
};

describe("kernel-check cases", () => {
  it("every case that the engine models gives a valid scenario", () => {
    for (const c of CASES) {
      const scenario = engineScenario(c);
      if ("notModelled" in c.engine) expect(scenario).toBeNull();
      else expect(() => parseScenario(scenario)).not.toThrow();
    }
  });

  it("other clients' connects are the engine's queues, not calls; read has no engine call", () => {
    expect(engineActions(byName("full-accept-queue"))).toEqual([
      { at: 0, endpoint: "server", call: "listen" },
      { at: 300, endpoint: "client", call: "connect" },
      { at: 2500, endpoint: "server", call: "accept" },
    ]);
    expect(engineActions(byName("client-closes-first")).map((a) => a.call)).toEqual([
      "listen",
      "connect",
      "accept",
      "send",
      "close",
      "close",
    ]);
  });

  it("the engine makes the calls at the kernel's times, and not the ones that failed there", () => {
    const c = byName("server-closes-first");
    // server steps: listen, accept, close; client steps: connect, close.
    const actions = engineActions(c, { client: [12.4, 801.6], server: [0.2, null, null] });
    expect(actions).toEqual([
      { at: 0, endpoint: "server", call: "listen" },
      { at: 12, endpoint: "client", call: "connect" },
      { at: 802, endpoint: "client", call: "close" },
    ]);
  });

  it("the relay's rules: side, wire flag bits (FIN 1, SYN 2, RST 4, PSH 8, ACK 16), occurrence, port", () => {
    expect(relayRule({ from: "client", flags: "FIN+ACK", occurrence: 1 })).toBe("A,17,1,40000");
    expect(relayRule({ from: "server", flags: "SYN+ACK", of: "others" })).toBe("B,18,0,-40000");
    expect(relayRule({ from: "client", flags: "SYN" })).toBe("A,2,0,40000");
  });

  it("the engine's losses are the relay's drops of our connection only", () => {
    expect(engineScenario(byName("full-syn-queue"))?.network).toEqual([]);
    expect(engineScenario(byName("lost-last-ack"))?.network).toEqual([
      { match: { from: "client", flags: "ACK", occurrence: 2 }, effect: "drop" },
    ]);
  });

  it("the sysctls a case sets on a side are that endpoint's sysctl in the engine", () => {
    expect(engineScenario(byName("syn-give-up-lowered"))?.endpoints).toEqual({
      client: { sysctl: { tcp_syn_retries: 2, tcp_syn_linear_timeouts: 0 } },
      server: {},
    });
    expect(engineScenario(byName("fin-wait-2-timeout-lowered"))?.endpoints?.client).toEqual({ sysctl: { tcp_fin_timeout: 5 } });
    expect(engineScenario(byName("full-syn-queue"))?.endpoints).toEqual({ client: {}, server: { backlog: 4, synQueue: 4 } });
  });
});
