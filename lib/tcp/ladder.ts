// A trace as a text ladder diagram: client on the left, server on the right, time
// going down, segments as arrows between them. For `npm run tcp` and debugging.
import { describeSegment } from "./describe";
import type { Trace, TraceEvent } from "./trace";

const SIDE = 36;
const MIDDLE = 44;

function arrow(label: string, rightward: boolean, tail: string): string {
  const body = ` ${label} `;
  const dashes = Math.max(2, MIDDLE - body.length - 2 - tail.length);
  const left = Math.floor(dashes / 2);
  const right = dashes - left;
  return rightward ? "─".repeat(left) + body + "─".repeat(right) + tail + "▶" : "◀" + tail + "─".repeat(left) + body + "─".repeat(right);
}

function row(t: number, client: string, middle: string, server: string): string {
  return `${String(t).padStart(8)} │ ${client.padEnd(SIDE)} │ ${middle.padEnd(MIDDLE)} │ ${server}`.trimEnd();
}

function line(e: TraceEvent): [string, string] {
  switch (e.type) {
    case "call":
      return [`${e.call}(${e.bytes ?? ""})${e.error ? ` refused: ${e.error}` : ""}`, ""];
    case "state":
      return [`${e.from} → ${e.to}${e.transient ? " (transient)" : ""}`, ""];
    case "send": {
      const label = describeSegment(e.segment) + (e.segment.retransmission ? " (rtx)" : "");
      return ["", arrow(label, e.endpoint === "client", "")];
    }
    case "receive":
      return [`▷ ${describeSegment(e.segment)}${e.segment.injected ? " (injected)" : ""}`, ""];
    case "drop":
      return e.reason === "network"
        ? ["", arrow(`${describeSegment(e.segment)} LOST`, e.endpoint === "client", "✕")]
        : [`discarded ${describeSegment(e.segment)}: ${e.reason}`, ""];
    case "delay":
      return ["", `  (delayed ${e.byMs} ms: ${describeSegment(e.segment)})`];
    case "duplicate":
      return ["", `  (duplicated, copy ${e.afterMs} ms later: ${describeSegment(e.segment)})`];
    case "timer":
      return [`⏱ ${e.timer} timer`, ""];
    case "signal":
      return [`app told: "${e.message}"`, ""];
  }
}

export function renderLadder(trace: Trace): string {
  const out = [row(0, "client", "", "server").replace(/^ +0/, "    t ms"), "─".repeat(9 + SIDE + MIDDLE + 20)];
  for (const e of trace.events) {
    const [text, middle] = line(e);
    out.push(e.endpoint === "client" ? row(e.t, text, middle, "") : row(e.t, "", middle, text));
  }
  out.push("", `final: client ${trace.final.client}, server ${trace.final.server}`);
  return out.join("\n");
}
