// The class's misconceptions: wrong answers grouped by the language-free key of their first
// mistake (lib/questions/mistake-key.ts), and by the scenario features of the variant they were
// answered on. Pure: rows in, groups out (docs/misconceptions.md defines every number).
//
// - A row is one graded response of a student: its feedback, its answer, the question's family.
// - Students who answered: distinct students with a readable graded answer in the rows (a
//   malformed answer is not graded, so it is not an answer here either).
// - A misconception: the wrong answers whose first mistake has the same key. Its count is the
//   number of those answers; its students the distinct students who gave one; its share
//   students / students who answered (of the rows after the feature filter).
// - Feedback graded before keys existed has none: such wrong answers are counted as `unkeyed`
//   (a regrade with the current grader gives them keys).
import { isMsg, msg, type Msg, type MsgValue, type Text } from "../i18n/msg";
import {
  MistakeKeySchema,
  ScenarioFeaturesSchema,
  mistakeKeyId,
  type EndpointRole,
  type MistakeKey,
  type ScenarioFeatures,
} from "../questions";
import type { ChoiceTopic } from "../questions/kinds/choice-topics";
import { families } from "../scenarios";

/**
 * What the report reads of a stored feedback: a full Feedback is one, and readFeedback gives
 * one from the stored JSON without validating every message (a course's report reads tens of
 * thousands); the key and features are checked against their schemas.
 */
export interface GradedFeedback {
  correct: boolean;
  summary: Text;
  firstMistake?: { key?: MistakeKey };
  features?: ScenarioFeatures;
}

const keyChecks = new Map<string, MistakeKey | null>();
const featureChecks = new Map<string, ScenarioFeatures | null>();

/** Checked once per distinct value: a class repeats the same keys and features many times. */
function checked<T>(cache: Map<string, T | null>, value: unknown, parse: (v: unknown) => T | null): T | undefined {
  if (value === undefined || value === null) return undefined;
  const text = JSON.stringify(value);
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = parse(value);
    if (cache.size > 10_000) cache.clear();
    cache.set(text, hit);
  }
  return hit ?? undefined;
}

/** The parts of a stored feedback the report needs; unreadable JSON reads as a wrong, ungraded answer. */
export function readFeedback(json: string | null): GradedFeedback {
  let value: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(json ?? "");
    if (parsed && typeof parsed === "object") value = parsed as Record<string, unknown>;
  } catch {
    value = null;
  }
  if (!value) return { correct: false, summary: msg(UNREADABLE) };
  const mistake = value.firstMistake as { key?: unknown } | undefined;
  const key = checked(keyChecks, mistake?.key, (v) => {
    const r = MistakeKeySchema.safeParse(v);
    return r.success ? r.data : null;
  });
  const features = checked(featureChecks, value.features, (v) => {
    const r = ScenarioFeaturesSchema.safeParse(v);
    return r.success ? r.data : null;
  });
  const summary = value.summary;
  return {
    correct: value.correct === true,
    summary: typeof summary === "string" ? summary : isMsg(summary) ? summary : "",
    ...(mistake ? { firstMistake: key ? { key } : {} } : {}),
    ...(features ? { features } : {}),
  };
}

export interface GradedRow {
  responseId: string;
  userId: string;
  userName: string;
  quizId: string;
  family: string;
  feedback: GradedFeedback;
  /** The answer as stored (parsed JSON), or null. */
  answer: unknown;
}

export interface Example {
  responseId: string;
  userId: string;
  userName: string;
  /** The answer in a line, in the reader's language where it has words (answerText). */
  answer: Text;
}

export interface Misconception {
  /** The key as one text (mistakeKeyId): stable, for links and CSV. */
  id: string;
  key: MistakeKey;
  /** Its name in the reader's language, from the key. */
  sentence: Msg;
  count: number;
  students: number;
  /** students / students who answered, 0..1. */
  share: number;
  /** Up to two answers, from different students where there are two. */
  examples: Example[];
  /** The family most of its answers came from, and the practice topic that addresses it. */
  family: string;
  practice: string | null;
}

export interface FeatureGroup {
  /** "profile:rfc9293", "closedFirst:client", "openedBy:both", "fault:drop:client:FIN+ACK". */
  feature: string;
  label: Msg;
  /** Answers on variants with the feature, and how many of them were wrong. */
  answers: number;
  wrong: number;
  /** Distinct students with a wrong answer on such a variant, over those who answered one. */
  students: number;
  share: number;
  /** The commonest misconception on these variants. */
  top: string | null;
}

export interface MisconceptionReport {
  answered: number;
  wrong: number;
  unkeyed: number;
  misconceptions: Misconception[];
  features: FeatureGroup[];
}

const UNREADABLE = "feedback.summary.unreadable";

/** A readable graded answer: the grader read it (an unreadable one is not graded). */
export function isGraded(feedback: GradedFeedback): boolean {
  return !(typeof feedback.summary === "object" && feedback.summary.key === UNREADABLE);
}

/** The features of a variant, each as one text; none for feedback graded before features were stored. */
export function featureIds(features: ScenarioFeatures | undefined): string[] {
  if (!features) return [];
  return [
    `profile:${features.profile}`,
    `openedBy:${features.openedBy}`,
    `closedFirst:${features.closedFirst}`,
    ...features.faults.map((f) => `fault:${f}`),
  ];
}

const ROLE_MESSAGES: Record<EndpointRole, Msg> = {
  "active-opener": msg("misconceptions.role.activeOpener"),
  "passive-opener": msg("misconceptions.role.passiveOpener"),
  "simultaneous-opener": msg("misconceptions.role.simultaneousOpener"),
  "active-closer": msg("misconceptions.role.activeCloser"),
  "passive-closer": msg("misconceptions.role.passiveCloser"),
  "simultaneous-closer": msg("misconceptions.role.simultaneousCloser"),
  none: msg("misconceptions.role.none"),
};

const WHO: Record<string, Msg> = {
  client: msg("misconceptions.who.client"),
  server: msg("misconceptions.who.server"),
  both: msg("misconceptions.who.both"),
  none: msg("misconceptions.who.none"),
};

const EFFECTS: Record<string, Msg> = {
  drop: msg("misconceptions.effect.drop"),
  delay: msg("misconceptions.effect.delay"),
  duplicate: msg("misconceptions.effect.duplicate"),
  inject: msg("misconceptions.effect.inject"),
  "syn-queue-full": msg("misconceptions.effect.synQueueFull"),
  "accept-queue-full": msg("misconceptions.effect.acceptQueueFull"),
};

const FIELDS: Record<string, Msg> = {
  from: msg("misconceptions.field.from"),
  flags: msg("misconceptions.field.flags"),
  seq: msg("misconceptions.field.seq"),
  ack: msg("misconceptions.field.ack"),
  state: msg("misconceptions.field.state"),
};

const CHOICE_QUESTIONS: Record<ChoiceTopic, Msg> = {
  "time-wait-endpoint": msg("answers.choice.questions.timeWaitEndpoint"),
  "rst-sender": msg("answers.choice.questions.rstSender"),
  "connect-outcome": msg("answers.choice.questions.connectOutcome"),
  "segments-to-open": msg("answers.choice.questions.segmentsToOpen"),
  "segments-to-close": msg("answers.choice.questions.segmentsToClose"),
};
const CHOICE_OPTIONS: Record<string, Msg> = {
  client: msg("answers.choice.options.client"),
  server: msg("answers.choice.options.server"),
  both: msg("answers.choice.options.both"),
  neither: msg("answers.choice.options.neither"),
  established: msg("answers.choice.options.established"),
  reset: msg("answers.choice.options.reset"),
  timeout: msg("answers.choice.options.timeout"),
  waiting: msg("answers.choice.options.waiting"),
};

/** An option of a choice question by its id, as the question labels it (choice-topics.ts). */
function choiceLabel(topic: ChoiceTopic, id: string): MsgValue {
  if (id === "never")
    return msg(topic === "segments-to-open" ? "answers.choice.options.neverOpens" : "answers.choice.options.nobodyCloses");
  if (/^\d+$/.test(id))
    return Number(id) >= 6
      ? msg("answers.choice.options.countOrMore", { count: Number(id) })
      : msg("answers.choice.options.count", { count: Number(id) });
  return CHOICE_OPTIONS[id] ?? id;
}

// The profiles as the sandbox names them.
const PROFILE_NAMES: Record<string, Msg> = {
  rfc9293: msg("sandbox.builder.profileNames.rfc9293"),
  linux: msg("sandbox.builder.profileNames.linux"),
  "two-way-handshake": msg("sandbox.builder.profileNames.twoWayHandshake"),
  "no-time-wait": msg("sandbox.builder.profileNames.noTimeWait"),
};

/** The name of a feature in the reader's language. */
export function featureLabel(feature: string): Msg {
  const [kind, ...rest] = feature.split(":");
  if (kind === "profile") return msg("misconceptions.feature.profile", { profile: PROFILE_NAMES[rest[0]] ?? rest.join(":") });
  if (kind === "openedBy") return msg("misconceptions.feature.openedBy", { who: WHO[rest[0]] ?? rest[0] });
  if (kind === "closedFirst") return msg("misconceptions.feature.closedFirst", { who: WHO[rest[0]] ?? rest[0] });
  const [effect, sender, flags] = rest;
  return msg("misconceptions.feature.fault", { effect: EFFECTS[effect] ?? effect, who: WHO[sender] ?? sender, flags: flags ?? "" });
}

/** A sentence naming the misconception, from its key alone (catalog messages, so in either language). */
export function misconceptionSentence(key: MistakeKey): Msg {
  switch (key.kind) {
    case "states": {
      const role = ROLE_MESSAGES[key.role];
      if (key.actual === "end") return msg("misconceptions.sentence.statesMore", { role, after: key.after ?? "CLOSED", said: key.said });
      if (key.said === "none") return msg("misconceptions.sentence.statesStop", { role, after: key.after ?? "CLOSED", actual: key.actual });
      if (key.after === null) return msg("misconceptions.sentence.statesStart", { role, said: key.said, actual: key.actual });
      return msg("misconceptions.sentence.states", { role, after: key.after, said: key.said, actual: key.actual });
    }
    case "segments": {
      const role = ROLE_MESSAGES[key.role];
      if (key.fields[0] === "missing")
        return key.retransmission
          ? msg("misconceptions.sentence.noRetransmission", { role, actual: key.actual })
          : msg("misconceptions.sentence.segmentMissing", { role, actual: key.actual });
      if (key.fields[0] === "extra") return msg("misconceptions.sentence.segmentExtra", { role, said: key.said });
      const fields: MsgValue = key.fields.map((f) => FIELDS[f]).filter(Boolean);
      return msg(key.retransmission ? "misconceptions.sentence.segmentWrongRetransmission" : "misconceptions.sentence.segmentWrong", {
        role,
        actual: key.actual,
        said: key.said,
        fields,
      });
    }
    case "next":
      return msg("misconceptions.sentence.next", {
        role: ROLE_MESSAGES[key.role],
        actual: key.actual,
        actualState: key.actualState,
        said: key.said === "none" ? msg("misconceptions.nothing") : key.said,
        saidState: key.saidState === "none" ? msg("misconceptions.nothing") : key.saidState,
      });
    case "time": {
      const values = { role: ROLE_MESSAGES[key.role], state: key.state };
      const leave = key.measure === "leave";
      switch (key.error) {
        case "early":
          return msg(leave ? "misconceptions.sentence.timeEarlyLeave" : "misconceptions.sentence.timeEarlyDuration", values);
        case "late":
          return msg(leave ? "misconceptions.sentence.timeLateLeave" : "misconceptions.sentence.timeLateDuration", values);
        case "said-never":
          return msg("misconceptions.sentence.timeSaidNever", values);
        case "said-time":
          return msg("misconceptions.sentence.timeSaidTime", values);
        case "none":
          return msg("misconceptions.sentence.timeNone", values);
      }
      break;
    }
    case "final-state":
      return msg("misconceptions.sentence.finalState", {
        role: ROLE_MESSAGES[key.role],
        said: key.said === "none" ? msg("misconceptions.nothing") : key.said,
        actual: key.actual,
      });
    case "choice":
      return msg("misconceptions.sentence.choice", {
        question: CHOICE_QUESTIONS[key.topic],
        said: key.said === "none" ? msg("misconceptions.nothing") : choiceLabel(key.topic, key.said),
        actual: choiceLabel(key.topic, key.actual),
      });
  }
  return msg("misconceptions.nothing");
}

const PRACTICE_TOPICS: ReadonlySet<string> = new Set(families.map((f) => f.id));

/** The practice topic that addresses a family's misconceptions, or null (a question with its own scenario). */
export function practiceTopic(family: string): string | null {
  return PRACTICE_TOPICS.has(family) ? `/practice/${family}` : null;
}

type Segmentish = { from?: unknown; flags?: unknown; seq?: unknown; ack?: unknown };

/** An endpoint's name in the reader's language; anything else as it was sent. */
const endpointText = (value: unknown): MsgValue =>
  value === "client"
    ? msg("misconceptions.endpoint.client")
    : value === "server"
      ? msg("misconceptions.endpoint.server")
      : String(value ?? "");

const segmentText = (s: Segmentish): Msg =>
  msg("misconceptions.answer.segment", {
    from: s.from ? endpointText(s.from) : "—",
    rest: [
      String(s.flags || "—"),
      s.seq !== null && s.seq !== undefined ? `seq=${String(s.seq)}` : "",
      s.ack !== null && s.ack !== undefined ? `ack=${String(s.ack)}` : "",
    ]
      .filter(Boolean)
      .join(" "),
  });

const joined = (parts: Msg[]): Text => (parts.length === 0 ? "—" : msg("misconceptions.answer.list", { parts }));

/**
 * An answer in a line, for the examples: states, flags and numbers as they are, endpoints and
 * choices in the reader's language. `key` says which choice question an option id belongs to.
 */
export function answerText(answer: unknown, key?: MistakeKey): Text {
  if (answer === null || answer === undefined) return "—";
  if (typeof answer !== "object") return String(answer);
  const a = answer as Record<string, unknown>;
  if (a.states && typeof a.states === "object") {
    return joined(
      Object.entries(a.states as Record<string, unknown>).map(([endpoint, v]) =>
        msg("misconceptions.answer.endpoint", {
          endpoint: endpointText(endpoint),
          states: Array.isArray(v) ? v.map(String).join(" → ") || "—" : String(v || "—"),
        }),
      ),
    );
  }
  if (Array.isArray(a.segments)) return joined((a.segments as Segmentish[]).map(segmentText));
  if (a.segment && typeof a.segment === "object")
    return msg("misconceptions.answer.next", { segment: segmentText(a.segment as Segmentish), state: String(a.state || "—") });
  if ("ms" in a) return a.ms === null ? "—" : a.ms === "never" ? "∞" : `${String(a.ms)} ms`;
  if ("choice" in a) {
    if (a.choice === null || a.choice === undefined) return "—";
    const label = key?.kind === "choice" ? choiceLabel(key.topic, String(a.choice)) : String(a.choice);
    return typeof label === "string" ? label : msg("misconceptions.answer.choice", { choice: label as Msg });
  }
  return JSON.stringify(answer).slice(0, 200);
}

/** Most students first, then most answers, then by id (a stable order for equal counts). */
const byStudents = (a: Misconception, b: Misconception) =>
  b.students - a.students || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The report over `rows` (graded responses, in the order examples should be picked from),
 * restricted to variants with `feature` when one is given.
 */
export function groupMisconceptions(rows: readonly GradedRow[], options: { feature?: string | null } = {}): MisconceptionReport {
  // Each row's key id and features, computed once.
  const keyIds = new Map<GradedRow, string | null>();
  const featuresOf = new Map<GradedRow, string[]>();
  for (const r of rows) {
    const key = r.feedback.firstMistake?.key;
    keyIds.set(r, key ? mistakeKeyId(key) : null);
    featuresOf.set(r, featureIds(r.feedback.features));
  }
  const graded = rows.filter((r) => isGraded(r.feedback));
  const scoped = options.feature ? graded.filter((r) => featuresOf.get(r)!.includes(options.feature!)) : graded;
  const answered = new Set(scoped.map((r) => r.userId)).size;
  const wrongRows = scoped.filter((r) => !r.feedback.correct);

  const groups = new Map<string, { key: MistakeKey; rows: GradedRow[] }>();
  let unkeyed = 0;
  for (const r of wrongRows) {
    const key = r.feedback.firstMistake?.key;
    const id = keyIds.get(r);
    if (!key || !id) {
      unkeyed++;
      continue;
    }
    const group = groups.get(id) ?? { key, rows: [] };
    group.rows.push(r);
    groups.set(id, group);
  }

  const misconceptions: Misconception[] = [...groups].map(([id, { key, rows: members }]) => {
    const students = new Set(members.map((r) => r.userId)).size;
    const examples: Example[] = [];
    for (const r of members) {
      if (examples.length === 2) break;
      if (examples.some((e) => e.userId === r.userId) && students > 1) continue;
      examples.push({ responseId: r.responseId, userId: r.userId, userName: r.userName, answer: answerText(r.answer, key) });
    }
    const family = mostCommon(members.map((r) => r.family));
    return {
      id,
      key,
      sentence: misconceptionSentence(key),
      count: members.length,
      students,
      share: answered ? students / answered : 0,
      examples,
      family,
      practice: practiceTopic(family),
    };
  });
  misconceptions.sort(byStudents);

  const features = new Map<string, { answers: number; wrong: number; answered: Set<string>; wrongStudents: Set<string>; keys: string[] }>();
  for (const r of scoped) {
    for (const f of featuresOf.get(r)!) {
      const g = features.get(f) ?? { answers: 0, wrong: 0, answered: new Set<string>(), wrongStudents: new Set<string>(), keys: [] };
      g.answers++;
      g.answered.add(r.userId);
      if (!r.feedback.correct) {
        g.wrong++;
        g.wrongStudents.add(r.userId);
        const id = keyIds.get(r);
        if (id) g.keys.push(id);
      }
      features.set(f, g);
    }
  }
  const featureGroups: FeatureGroup[] = [...features].map(([feature, g]) => ({
    feature,
    label: featureLabel(feature),
    answers: g.answers,
    wrong: g.wrong,
    students: g.wrongStudents.size,
    share: g.answered.size ? g.wrongStudents.size / g.answered.size : 0,
    top: g.keys.length ? mostCommon(g.keys) : null,
  }));
  featureGroups.sort((a, b) => b.wrong - a.wrong || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));

  return { answered, wrong: wrongRows.length, unkeyed, misconceptions, features: featureGroups };
}

/** The commonest value; ties go to the one seen first. */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = values[0] ?? "";
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

/** One student's own misconceptions, commonest first: the same grouping over their rows alone. */
export function ownMisconceptions(rows: readonly GradedRow[], limit = 3): Misconception[] {
  return groupMisconceptions(rows)
    .misconceptions.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
