// A segment as students see it: "FIN+ACK seq=1001 ack=5002", the ack only when ACK is set.
export function renderSegment(s: { flags: string; seq: number; ack: number; len?: number }): string {
  let text = `${s.flags} seq=${s.seq}`;
  if (s.flags.includes("ACK")) text += ` ack=${s.ack}`;
  if (s.len) text += ` len=${s.len}`;
  return text;
}
