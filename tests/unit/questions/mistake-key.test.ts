// The misconception key of a first mistake (lib/questions/mistake-key.ts): every wrong answer of
// every family and kind gets one, valid for the one schema; a right answer gets none; the key
// carries no words; and the crafted mistakes a class makes get the keys that name them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FeedbackSchema, gradeInstance } from "@/lib/grading";
import {
  MistakeKeySchema,
  ScenarioFeaturesSchema,
  expectedFor,
  instantiate,
  kindOf,
  mistakeKeyId,
  starterLibrary,
  type MistakeKey,
} from "@/lib/questions";
import { families } from "@/lib/scenarios";
import { STATES, stateSequence } from "@/lib/tcp";

const template = fc.constantFrom(...starterLibrary);
const seed = fc.integer({ min: 0, max: 0xffff_ffff });
const byId = (id: string) => starterLibrary.find((t) => t.id === id)!;

/** The answer as a student sends it (no "kind"). */
function submitted(answer: { kind: string }): Record<string, unknown> {
  const { kind: _kind, ...rest } = answer;
  return rest;
}

/** Every leaf of a key is an id, a state name, flags, a number or a boolean: no sentence in any language. */
function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value && typeof value === "object") return Object.values(value).flatMap(leaves);
  return [value];
}
const LANGUAGE_FREE = /^[A-Za-z0-9_+:-]*$/;

function keyOf(id: string, s: number, answer: unknown): MistakeKey | undefined {
  const r = gradeInstance(instantiate(byId(id), s), answer);
  // A wrong answer, graded: the key is on its first mistake.
  expect(r.valid).toBe(true);
  expect(r.feedback.correct).toBe(false);
  return r.feedback.firstMistake?.key;
}

describe("misconception keys (fast-check)", () => {
  it("the starter library covers every scenario family, so the properties below reach each one", () => {
    expect(new Set(starterLibrary.map((t) => t.family))).toEqual(new Set(families.map((f) => f.id)));
  });

  it("every wrong answer of the kinds' own cases gets a key valid for the schema, language-free; a right one none", () => {
    fc.assert(
      fc.property(template, seed, (t, s) => {
        const q = instantiate(t, s);
        const cases = kindOf(t.ask.kind).cases(q);
        for (const answer of cases.correct) expect(gradeInstance(q, answer).feedback.firstMistake).toBeUndefined();
        for (const answer of cases.incorrect) {
          const r = gradeInstance(q, answer);
          expect(r.valid).toBe(true);
          expect(r.feedback.correct).toBe(false);
          const key = r.feedback.firstMistake?.key;
          expect(MistakeKeySchema.parse(key)).toEqual(key);
          expect(key!.kind).toBe(t.ask.kind);
          for (const leaf of leaves(key)) if (typeof leaf === "string") expect(leaf).toMatch(LANGUAGE_FREE);
          // What is stored reads back with the key and the scenario features.
          const stored = FeedbackSchema.parse(JSON.parse(JSON.stringify(r.feedback)));
          expect(stored.firstMistake?.key).toEqual(key);
          expect(ScenarioFeaturesSchema.parse(stored.features)).toEqual(r.feedback.features);
        }
      }),
      { numRuns: 250 },
    );
  });

  it("any readable answer is either right with no key, or wrong with one (random state lists on every states question)", () => {
    const statesTemplates = starterLibrary.filter((t) => t.ask.kind === "states");
    fc.assert(
      fc.property(fc.constantFrom(...statesTemplates), seed, fc.array(fc.constantFrom(...STATES), { maxLength: 8 }), (t, s, list) => {
        const q = instantiate(t, s);
        const answer = {
          states: { ...(submitted(expectedFor(q)).states as object), [t.ask.kind === "states" ? t.ask.endpoints[0] : "client"]: list },
        };
        const r = gradeInstance(q, answer);
        expect(r.valid).toBe(true);
        if (r.feedback.correct) expect(r.feedback.firstMistake).toBeUndefined();
        else expect(MistakeKeySchema.safeParse(r.feedback.firstMistake?.key).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("the same mistake on two seeds gives the same key, and the id does not depend on the key's field order", () => {
    fc.assert(
      fc.property(seed, seed, (a, b) => {
        const wrong = (s: number) => {
          const q = instantiate(byId("passive-close-states"), s);
          const truth = stateSequence(q.trace, "server");
          return keyOf("passive-close-states", s, { states: { server: [...truth.slice(0, -1), "TIME_WAIT"] } });
        };
        expect(mistakeKeyId(wrong(a)!)).toBe(mistakeKeyId(wrong(b)!));
      }),
      { numRuns: 30 },
    );
    const key: MistakeKey = { kind: "final-state", role: "active-closer", said: "FIN_WAIT_2", actual: "TIME_WAIT" };
    expect(mistakeKeyId(key)).toBe(mistakeKeyId({ actual: "TIME_WAIT", said: "FIN_WAIT_2", role: "active-closer", kind: "final-state" }));
  });
});

describe("the crafted mistakes a class makes get the keys that name them", () => {
  it("the passive closer put in TIME_WAIT after LAST_ACK (RFC 9293 §3.6: only the active closer waits)", () => {
    const q = instantiate(byId("passive-close-states"), 7);
    const truth = stateSequence(q.trace, "server");
    expect(truth.slice(-2)).toEqual(["LAST_ACK", "CLOSED"]);
    expect(keyOf("passive-close-states", 7, { states: { server: [...truth.slice(0, -1), "TIME_WAIT"] } })).toEqual({
      kind: "states",
      role: "passive-closer",
      after: "LAST_ACK",
      said: "TIME_WAIT",
      actual: "CLOSED",
    });
  });

  it("the server ESTABLISHED before the third segment (it is in SYN-RECEIVED until the ACK, RFC 9293 §3.5)", () => {
    const q = instantiate(byId("handshake-states"), 3);
    const client = stateSequence(q.trace, "client");
    expect(keyOf("handshake-states", 3, { states: { client, server: ["CLOSED", "LISTEN", "ESTABLISHED"] } })).toEqual({
      kind: "states",
      role: "passive-opener",
      after: "LISTEN",
      said: "ESTABLISHED",
      actual: "SYN_RECEIVED",
    });
  });

  it("FIN_WAIT_2 in a simultaneous close (each side goes FIN-WAIT-1 → CLOSING, RFC 9293 §3.6 Figure 13)", () => {
    const q = instantiate(byId("simultaneous-close-states"), 11);
    const client = stateSequence(q.trace, "client");
    const server = stateSequence(q.trace, "server");
    const at = client.indexOf("FIN_WAIT_1");
    expect(client[at + 1]).toBe("CLOSING");
    const wrong = [...client.slice(0, at + 1), "FIN_WAIT_2", ...client.slice(at + 2)];
    expect(keyOf("simultaneous-close-states", 11, { states: { client: wrong, server } })).toEqual({
      kind: "states",
      role: "simultaneous-closer",
      after: "FIN_WAIT_1",
      said: "FIN_WAIT_2",
      actual: "CLOSING",
    });
  });

  it("no retransmission after a lost FIN: the missing segment is a retransmitted FIN, and the variant's features name the loss", () => {
    const t = {
      id: "lost-fin-segments",
      title: "Segments after a lost FIN",
      family: "lost-fin",
      prompt: "List every segment sent, in order.",
      ask: { kind: "segments", given: 0, count: 16 },
    };
    const q = instantiate(t, 5);
    const truth = submitted(expectedFor(q)).segments as { flags: string }[];
    const retransmitted = truth.findIndex(
      (_, k) => k > 0 && truth[k].flags.includes("FIN") && truth.slice(0, k).some((x) => x.flags === truth[k].flags),
    );
    expect(retransmitted).toBeGreaterThan(0);
    const r = gradeInstance(q, { segments: truth.slice(0, retransmitted) });
    expect(r.feedback.firstMistake?.key).toMatchObject({ kind: "segments", fields: ["missing"], retransmission: true });
    expect(r.feedback.firstMistake?.key).toMatchObject({ actual: truth[retransmitted].flags, said: "none" });
    expect(r.feedback.features?.faults.some((f) => f.startsWith("drop:") && f.includes("FIN"))).toBe(true);
    expect(r.feedback.features?.closedFirst).not.toBe("none");
  });

  it("the features say who opened, who closed first and the profile", () => {
    const r = gradeInstance(instantiate(byId("simultaneous-close-states"), 2), {});
    expect(r.feedback.features).toMatchObject({ profile: "rfc9293", closedFirst: "both", openedBy: "client" });
    const open = gradeInstance(instantiate(byId("simultaneous-open-states"), 2), {});
    expect(open.feedback.features?.openedBy).toBe("both");
  });
});
