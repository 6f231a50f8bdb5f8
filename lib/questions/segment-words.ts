// A segment as a student wrote it, in the one segment wording (lib/tcp/describe.ts); a number
// left blank reads "?". Client-safe: the answer review shows the same words as the feedback.
import { describeSegment } from "../tcp/describe";

/** "ACK seq=1001 ack=?", "(no flags) seq=?". */
export function describeSegmentAnswer(s: { flags: string; seq: number | null; ack: number | null }): string {
  return describeSegment({ flags: s.flags || "(no flags)", seq: s.seq ?? Number.NaN, ack: s.ack ?? Number.NaN }).replace(/NaN/g, "?");
}

/** "the client sends ACK seq=1001 ack=?", as the feedback words a segment someone sends. */
export function describeSend(s: { from: string; flags: string; seq: number | null; ack: number | null }): string {
  return `the ${s.from || "(no sender)"} sends ${s.flags ? describeSegmentAnswer(s) : "(no flags)"}`;
}
