// A segment as a student wrote it, in the one segment wording (lib/tcp/describe.ts); a number
// left blank reads "?". Client-safe: the answer review shows the same words as the feedback.
// The notation (flags, seq=, ack=) is the same in every language; the words around it are
// catalog messages.
import { msg, type Msg, type Text } from "../i18n/msg";
import { describeSegment } from "../tcp/describe";
import type { EndpointName } from "../tcp/scenario";

/** "client" / "server" in the reader's language. */
export function endpointName(endpoint: EndpointName): Msg {
  return endpoint === "client" ? msg("feedback.endpoint.client") : msg("feedback.endpoint.server");
}

/** An endpoint as a student named it: one of ours in the reader's language, anything else as it is. */
export function endpointText(endpoint: string): Text {
  return endpoint === "client" || endpoint === "server" ? endpointName(endpoint) : endpoint;
}

/** "ACK seq=1001 ack=?", "(no flags) seq=?". */
export function describeSegmentAnswer(s: { flags: string; seq: number | null; ack: number | null }): Text {
  if (!s.flags) return msg("feedback.segment.noFlags", { seq: s.seq ?? "?" });
  return describeSegment({ flags: s.flags, seq: s.seq ?? Number.NaN, ack: s.ack ?? Number.NaN }).replace(/NaN/g, "?");
}

/** "the client sends ACK seq=1001 ack=?", as the feedback words a segment someone sends. */
export function describeSend(s: { from: string; flags: string; seq: number | null; ack: number | null }): Msg {
  return msg("feedback.segment.send", {
    from: s.from ? endpointText(s.from) : msg("feedback.segment.noSender"),
    segment: s.flags ? describeSegmentAnswer(s) : msg("feedback.segment.noFlagsAlone"),
  });
}
