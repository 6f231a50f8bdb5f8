// Grouping the class's wrong answers by misconception, on crafted answers graded by the real
// grader: four students, a handful of answers, every count and share worked out by hand here.
import { describe, expect, it } from "vitest";
import {
  answerText,
  isGraded as isGradedText,
  featureIds,
  groupMisconceptions,
  misconceptionSentence,
  ownMisconceptions,
  practiceTopic,
  readFeedback,
  type GradedRow,
} from "@/lib/analytics/misconceptions";
import { gradeInstance } from "@/lib/grading";
import { instantiate, mistakeKeyId, starterLibrary } from "@/lib/questions";
import { stateSequence } from "@/lib/tcp";
import { en, zh } from "../grading/translate";

const byId = (id: string) => starterLibrary.find((t) => t.id === id)!;
let n = 0;

function row(userId: string, templateId: string, seed: number, answer: unknown): GradedRow {
  const q = instantiate(byId(templateId), seed);
  return {
    responseId: `r${++n}`,
    userId,
    userName: `Student ${userId}`,
    quizId: "quiz",
    family: q.family.id,
    feedback: JSON.parse(JSON.stringify(gradeInstance(q, answer).feedback)),
    answer,
  };
}

const passive = (seed: number) => stateSequence(instantiate(byId("passive-close-states"), seed).trace, "server");
/** The passive closer put in TIME_WAIT after LAST_ACK. */
const timeWait = (user: string, seed: number) =>
  row(user, "passive-close-states", seed, { states: { server: [...passive(seed).slice(0, -1), "TIME_WAIT"] } });
const rightPassive = (user: string, seed: number) => row(user, "passive-close-states", seed, { states: { server: passive(seed) } });
/** The server ESTABLISHED straight from LISTEN. */
const early = (user: string, seed: number) => {
  const q = instantiate(byId("handshake-states"), seed);
  return row(user, "handshake-states", seed, {
    states: { client: stateSequence(q.trace, "client"), server: ["CLOSED", "LISTEN", "ESTABLISHED"] },
  });
};

describe("groupMisconceptions on crafted answers", () => {
  // a: TIME_WAIT twice (two seeds), ESTABLISHED early once. b: TIME_WAIT once. c: right, then early.
  // d: right only. e: an unreadable answer only (not graded: not a student who answered).
  const rows = [
    timeWait("a", 1),
    timeWait("a", 2),
    early("a", 3),
    timeWait("b", 4),
    rightPassive("c", 5),
    early("c", 6),
    rightPassive("d", 7),
    row("e", "passive-close-states", 8, { states: { server: "CLOSED LISTEN" } }),
  ];
  const report = groupMisconceptions(rows);

  it("counts students who answered (a, b, c, d: the unreadable answer of e is not graded) and the wrong answers (5)", () => {
    expect(report.answered).toBe(4);
    expect(report.wrong).toBe(5);
    expect(report.unkeyed).toBe(0);
  });

  it("groups by key: TIME_WAIT 3 answers from 2 students (share 2/4), ESTABLISHED early 2 answers from 2 students (2/4)", () => {
    expect(report.misconceptions.map((m) => [m.count, m.students, m.share])).toEqual([
      [3, 2, 0.5],
      [2, 2, 0.5],
    ]);
    const tw = report.misconceptions.find((m) => m.key.kind === "states" && m.key.said === "TIME_WAIT")!;
    expect(tw).toMatchObject({ count: 3, students: 2, share: 0.5, family: "passive-close", practice: "/practice/passive-close" });
    expect(tw.key).toEqual({ kind: "states", role: "passive-closer", after: "LAST_ACK", said: "TIME_WAIT", actual: "CLOSED" });
    const est = report.misconceptions.find((m) => m.key.kind === "states" && m.key.said === "ESTABLISHED")!;
    expect(est).toMatchObject({ count: 2, students: 2, share: 0.5, family: "handshake", practice: "/practice/handshake" });
    // Equal students: more answers first.
    expect(report.misconceptions[0].id).toBe(tw.id);
  });

  it("gives two examples from different students where there are two", () => {
    const tw = report.misconceptions.find((m) => m.key.kind === "states" && m.key.said === "TIME_WAIT")!;
    expect(tw.examples.map((e) => e.userId)).toEqual(["a", "b"]);
    expect(en(tw.examples[0].answer)).toMatch(/^server: CLOSED → LISTEN → .* → LAST_ACK → TIME_WAIT$/);
  });

  it("names each misconception in English and Chinese from the key", () => {
    const tw = report.misconceptions.find((m) => m.key.kind === "states" && m.key.said === "TIME_WAIT")!;
    expect(en(tw.sentence)).toBe("Puts the passive closer in TIME_WAIT after LAST_ACK (it goes to CLOSED)");
    expect(zh(tw.sentence)).toBe("让被动关闭方在 LAST_ACK 之后进入 TIME_WAIT（实际进入 CLOSED）");
    const est = report.misconceptions.find((m) => m.key.kind === "states" && m.key.said === "ESTABLISHED")!;
    expect(en(est.sentence)).toBe("Puts the passive opener in ESTABLISHED after LISTEN (it goes to SYN_RECEIVED)");
  });

  it("groups by scenario feature: every answered variant here is rfc9293, opened by the client", () => {
    const profile = report.features.find((f) => f.feature === "profile:rfc9293")!;
    // 7 graded answers, 5 wrong, from a, b, c (3 of the 4 students who answered).
    expect(profile).toMatchObject({ answers: 7, wrong: 5, students: 3, share: 0.75 });
    expect(en(profile.label)).toBe("Profile RFC 9293");
    const opened = report.features.find((f) => f.feature === "openedBy:client")!;
    expect(en(opened.label)).toBe("Opened by the client");
  });

  it("filters by feature: only variants nobody closes (the handshake questions)", () => {
    const closedByClient = featureIds(rows[0].feedback.features).find((f) => f.startsWith("closedFirst:"))!;
    expect(closedByClient).toBe("closedFirst:client");
    const handshakeOnly = groupMisconceptions(rows, { feature: "closedFirst:none" });
    // The handshake variants never close: a and c answered them, both wrong.
    expect(handshakeOnly.answered).toBe(2);
    expect(handshakeOnly.misconceptions).toHaveLength(1);
    expect(handshakeOnly.misconceptions[0]).toMatchObject({ count: 2, students: 2, share: 1 });
  });

  it("counts wrong answers graded before keys existed as unkeyed, not as a misconception", () => {
    // Stored before keys: a first mistake with words only, read back from its JSON.
    const { firstMistake: _m, ...rest } = rows[0].feedback;
    const old = { ...rows[0], feedback: readFeedback(JSON.stringify({ ...rest, firstMistake: { said: "x", actual: "y" } })) };
    const r = groupMisconceptions([old, rows[4]]);
    expect(r).toMatchObject({ answered: 2, wrong: 1, unkeyed: 1, misconceptions: [] });
  });

  it("a student's own top misconceptions: the same grouping over their rows, commonest first", () => {
    const own = ownMisconceptions(rows.filter((r) => r.userId === "a"));
    expect(own.map((m) => [m.count, m.students, m.share])).toEqual([
      [2, 1, 1],
      [1, 1, 1],
    ]);
    expect(mistakeKeyId(own[0].key)).toBe(report.misconceptions[0].id);
  });
});

describe("the pieces", () => {
  it("reads what the report needs of stored feedback: a key or features that fail their schema are left out", () => {
    const stored = timeWait("z", 9).feedback;
    expect(readFeedback(JSON.stringify(stored))).toEqual({
      correct: false,
      summary: stored.summary,
      firstMistake: { key: stored.firstMistake!.key },
      features: stored.features,
    });
    const broken = readFeedback(
      JSON.stringify({ ...stored, firstMistake: { key: { kind: "states", said: "words" } }, features: { profile: "x" } }),
    );
    expect(broken).toEqual({ correct: false, summary: stored.summary, firstMistake: {} });
    expect(isGradedText(readFeedback("not json"))).toBe(false);
  });

  it("names a lost FIN that is not retransmitted, and a choice by its question and options", () => {
    expect(
      en(
        misconceptionSentence({
          kind: "segments",
          role: "active-closer",
          actual: "FIN+ACK",
          said: "none",
          fields: ["missing"],
          retransmission: true,
        }),
      ),
    ).toBe("No retransmission of the lost FIN+ACK by the active closer");
    expect(
      zh(
        misconceptionSentence({ kind: "states", role: "simultaneous-closer", after: "FIN_WAIT_1", said: "FIN_WAIT_2", actual: "CLOSING" }),
      ),
    ).toBe("让同时关闭的一方在 FIN_WAIT_1 之后进入 FIN_WAIT_2（实际进入 CLOSING）");
    expect(en(misconceptionSentence({ kind: "choice", topic: "time-wait-endpoint", said: "server", actual: "client" }))).toBe(
      "“Which endpoint enters TIME_WAIT?”: chooses “Only the server” (the answer is “Only the client”)",
    );
  });

  it("links a family's practice topic, and none for a question with its own scenario", () => {
    expect(practiceTopic("lost-fin")).toBe("/practice/lost-fin");
    expect(practiceTopic("custom")).toBeNull();
  });

  it("writes answers in one line, endpoints and choices in the reader's language", () => {
    expect(en(answerText({ segments: [{ from: "client", flags: "FIN+ACK", seq: 1001, ack: 5001 }] }))).toBe(
      "client FIN+ACK seq=1001 ack=5001",
    );
    expect(zh(answerText({ states: { server: ["CLOSED", "LISTEN"] } }))).toBe("服务器：CLOSED → LISTEN");
    expect(en(answerText({ choice: "both" }, { kind: "choice", topic: "rst-sender", said: "both", actual: "client" }))).toBe(
      "Both endpoints",
    );
    expect(answerText({ ms: "never" })).toBe("∞");

    expect(answerText(null)).toBe("—");
  });
});
