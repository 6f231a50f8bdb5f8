// A trace as a text ladder diagram: client on the left, server on the right, time
// going down, segments as arrows between them. For `npm run tcp` and debugging, in
// English unless asked for another of the catalogs' languages.
import { createTranslator } from "next-intl";
import { catalogs } from "../../messages";
import type { Locale } from "../i18n/locales";
import { msg, type Text } from "../i18n/msg";
import { renderText, type Translate } from "../i18n/render";
import { callErrorText, describeSegment, endpointName, signalText } from "./describe";
import type { TimerName, Trace, TraceEvent } from "./trace";

const SIDE = 36;
const MIDDLE = 44;

const TIMER: Record<TimerName, Text> = {
  retransmit: msg("tcp.timerName.retransmit"),
  "time-wait": msg("tcp.timerName.time-wait"),
  "fin-wait-2": msg("tcp.timerName.fin-wait-2"),
  "user-timeout": msg("tcp.timerName.user-timeout"),
  "syn-queue": msg("tcp.timerName.syn-queue"),
  "delayed-ack": msg("tcp.timerName.delayed-ack"),
};

const DISCARD = {
  "syn-queue-full": msg("tcp.discard.syn-queue-full"),
  "accept-queue-full": msg("tcp.discard.accept-queue-full"),
} as const;

const renderers = new Map<Locale, (text: Text) => string>();
function renderer(locale: Locale): (text: Text) => string {
  let render = renderers.get(locale);
  if (!render) {
    const t = createTranslator({ locale, messages: catalogs[locale] }) as unknown as Translate;
    renderers.set(locale, (render = (text) => renderText(t, locale, text)));
  }
  return render;
}

/** Columns a terminal gives the text: CJK characters and full-width punctuation take two. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return n;
}
const pad = (text: string, columns: number) => text + " ".repeat(Math.max(0, columns - width(text)));

function arrow(label: string, rightward: boolean, tail: string): string {
  const body = ` ${label} `;
  const dashes = Math.max(2, MIDDLE - width(body) - 2 - tail.length);
  const left = Math.floor(dashes / 2);
  const right = dashes - left;
  return rightward ? "─".repeat(left) + body + "─".repeat(right) + tail + "▶" : "◀" + tail + "─".repeat(left) + body + "─".repeat(right);
}

function row(t: number | string, client: string, middle: string, server: string): string {
  return `${String(t).padStart(8)} │ ${pad(client, SIDE)} │ ${pad(middle, MIDDLE)} │ ${server}`.trimEnd();
}

function line(e: TraceEvent, text: (text: Text) => string): [string, string] {
  const segment = "segment" in e ? describeSegment(e.segment) : "";
  switch (e.type) {
    case "call": {
      const values = { call: e.call, bytes: e.bytes === undefined ? "" : String(e.bytes) };
      return [
        text(e.error ? msg("tcp.ladder.callRefused", { ...values, error: callErrorText(e.error) }) : msg("tcp.ladder.call", values)),
        "",
      ];
    }
    case "state":
      return [text(msg(e.transient ? "tcp.ladder.stateTransient" : "tcp.ladder.state", { from: e.from, to: e.to })), ""];
    case "send": {
      const label = e.segment.retransmission ? text(msg("tcp.ladder.sendRetransmission", { segment })) : segment;
      return ["", arrow(label, e.endpoint === "client", "")];
    }
    case "receive":
      return [text(msg(e.segment.injected ? "tcp.ladder.receiveInjected" : "tcp.ladder.receive", { segment })), ""];
    case "drop":
      return e.reason === "network"
        ? ["", arrow(text(msg("tcp.ladder.lost", { segment })), e.endpoint === "client", "✕")]
        : [text(msg("tcp.ladder.discarded", { segment, reason: DISCARD[e.reason] })), ""];
    case "delay":
      return ["", `  ${text(msg("tcp.ladder.delay", { ms: e.byMs, segment }))}`];
    case "duplicate":
      return ["", `  ${text(msg("tcp.ladder.duplicate", { ms: e.afterMs, segment }))}`];
    case "timer":
      return [text(msg("tcp.ladder.timer", { timer: TIMER[e.timer] })), ""];
    case "signal":
      return [text(msg("tcp.ladder.signal", { signal: signalText(e.signal) })), ""];
  }
}

export function renderLadder(trace: Trace, locale: Locale = "en"): string {
  const text = renderer(locale);
  const out = [
    row(text(msg("tcp.ladder.time")), text(endpointName("client")), "", text(endpointName("server"))),
    "─".repeat(9 + SIDE + MIDDLE + 20),
  ];
  for (const e of trace.events) {
    const [cell, middle] = line(e, text);
    out.push(e.endpoint === "client" ? row(e.t, cell, middle, "") : row(e.t, "", middle, cell));
  }
  out.push("", text(msg("tcp.ladder.final", { client: trace.final.client, server: trace.final.server })));
  return out.join("\n");
}
