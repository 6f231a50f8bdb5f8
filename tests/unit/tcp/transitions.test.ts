// The transition table (lib/tcp/transitions.ts) against RFC 9293 Figure 5 and the arcs
// its text adds, its reasons in the catalogs (messages/<locale>/rules.json), and
// docs/engine.md's copy of the table against the module and the English catalog.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleReason } from "@/lib/tcp/describe";
import { RULES, TRANSITIONS, checkTransition, type RuleId } from "@/lib/tcp/transitions";
import { textIn } from "../i18n/render-in";

const en = textIn("en");
const zh = textIn("zh-CN");

// The arrows of RFC 9293 Figure 5, read off the figure.
const FIGURE_5 = [
  "CLOSED>LISTEN", // passive OPEN
  "CLOSED>SYN_SENT", // active OPEN, snd SYN
  "LISTEN>SYN_RECEIVED", // rcv SYN, snd SYN,ACK
  "LISTEN>SYN_SENT", // SEND, snd SYN (an active OPEN from LISTEN, §3.10.1)
  "LISTEN>CLOSED", // CLOSE
  "SYN_SENT>SYN_RECEIVED", // rcv SYN, snd ACK
  "SYN_SENT>ESTABLISHED", // rcv SYN,ACK, snd ACK
  "SYN_SENT>CLOSED", // CLOSE
  "SYN_RECEIVED>ESTABLISHED", // rcv ACK of SYN
  "SYN_RECEIVED>FIN_WAIT_1", // CLOSE, snd FIN
  "SYN_RECEIVED>LISTEN", // rcv RST, after a passive OPEN (note 1)
  "ESTABLISHED>FIN_WAIT_1", // CLOSE, snd FIN
  "ESTABLISHED>CLOSE_WAIT", // rcv FIN, snd ACK
  "FIN_WAIT_1>FIN_WAIT_2", // rcv ACK of FIN
  "FIN_WAIT_1>CLOSING", // rcv FIN, snd ACK
  "FIN_WAIT_2>TIME_WAIT", // rcv FIN, snd ACK
  "CLOSE_WAIT>LAST_ACK", // CLOSE, snd FIN
  "CLOSING>TIME_WAIT", // rcv ACK of FIN
  "LAST_ACK>CLOSED", // rcv ACK of FIN
  "TIME_WAIT>CLOSED", // Timeout=2MSL
];

// What the RFC's text adds to the figure, and the profiles' shortcuts.
const EXTENSIONS = [
  // Note 2 under the figure (§3.10.7.4 eighth step): a FIN that also acknowledges our FIN.
  "FIN_WAIT_1>TIME_WAIT",
  // ABORT (§3.10.5), RST (§3.10.7), user timeout (§3.10.8), a crash (§3.5.2), Linux's
  // retry limits, and no-time-wait's skipped TIME_WAIT: every other state to CLOSED.
  "SYN_RECEIVED>CLOSED",
  "ESTABLISHED>CLOSED",
  "FIN_WAIT_1>CLOSED",
  "FIN_WAIT_2>CLOSED",
  "CLOSE_WAIT>CLOSED",
  "CLOSING>CLOSED",
  // profile two-way-handshake: the server is established by the SYN alone.
  "LISTEN>ESTABLISHED",
];

const ids = Object.keys(RULES) as RuleId[];

describe("the transition table (lib/tcp/transitions.ts)", () => {
  it("holds exactly the arcs of RFC 9293 Figure 5 and the documented extensions", () => {
    const arcs = new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`));
    expect([...arcs].sort()).toEqual([...FIGURE_5, ...EXTENSIONS].sort());
  });

  it("names each rule's source: an RFC section, a Linux behaviour or a profile", () => {
    for (const id of ids) expect(RULES[id].cites, id).toMatch(/^(RFC \d+ §[\d.]+|linux \(.+\)|profile [a-z0-9-]+)$/);
  });

  it("tells the reason in one sentence in each language, and no two rules tell the same thing with the same source", () => {
    for (const [locale, text, sentence] of [
      ["en", en, /^[A-Z].*\.$/],
      ["zh-CN", zh, /^(?=.*[\u4e00-\u9fff]).*。$/],
    ] as const) {
      const seen = new Set<string>();
      for (const id of ids) {
        const reason = text(ruleReason(id));
        expect(reason, `${locale} ${id}`).toMatch(sentence);
        expect(seen, `${locale} ${id}`).not.toContain(`${RULES[id].cites}: ${reason}`);
        seen.add(`${RULES[id].cites}: ${reason}`);
      }
    }
  });

  it("lists each (from, to, rule) once", () => {
    const keys = TRANSITIONS.map((t) => `${t.from}>${t.to} ${t.rule}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("rejects a transition the table does not allow: a state the rule does not leave, or a state it does not enter", () => {
    expect(() => checkTransition("ESTABLISHED", "CLOSE_WAIT", RULES["established/fin"])).not.toThrow();
    expect(() => checkTransition("SYN_RECEIVED", "CLOSE_WAIT", RULES["established/fin"])).toThrow(
      /SYN_RECEIVED -> CLOSE_WAIT by rule "established\/fin"/,
    );
    expect(() => checkTransition("ESTABLISHED", "CLOSED", RULES["established/fin"])).toThrow(/not in lib\/tcp\/transitions.ts/);
  });
});

describe("docs/engine.md", () => {
  // One row per rule: | `id` | from states | to | cites | reason (the English catalog's) |
  const row = (id: RuleId) => {
    const r = RULES[id];
    return `| \`${id}\` | ${r.from.join(", ")} | ${r.to} | ${r.cites} | ${en(ruleReason(id))} |`;
  };

  it("has the transition table, row for row as in lib/tcp/transitions.ts", () => {
    const doc = readFileSync("docs/engine.md", "utf8");
    const section = doc.split("\n## ").find((s) => s.startsWith("Transitions\n"));
    expect(section, "a '## Transitions' section").toBeDefined();
    const rows = (section ?? "").split("\n").filter((line) => line.startsWith("| `"));
    expect(rows).toEqual(ids.map(row));
  });
});
