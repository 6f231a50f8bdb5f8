// TCP control flags as a bit set. Written in scenarios and traces as a "+"-joined
// set in the fixed order SYN, FIN, RST, PSH, ACK (docs/engine.md, "Conventions"), e.g. "FIN+ACK".

export const SYN = 1;
export const FIN = 2;
export const RST = 4;
export const PSH = 8;
export const ACK = 16;

export const FLAG_ORDER = ["SYN", "FIN", "RST", "PSH", "ACK"] as const;
export type FlagName = (typeof FLAG_ORDER)[number];
const BIT: Record<FlagName, number> = { SYN, FIN, RST, PSH, ACK };

// All 32 sets are formatted once, so writing a trace allocates no strings.
const NAMES: readonly string[] = Array.from({ length: 32 }, (_, bits) => FLAG_ORDER.filter((name) => bits & BIT[name]).join("+"));

// Every non-empty set by its formatted name (the empty set's name, "", is not a flag set).
const CANONICAL: ReadonlyMap<string, number> = new Map(NAMES.map((name, bits) => [name, bits] as const).filter(([, bits]) => bits !== 0));

export function formatFlags(bits: number): string {
  return NAMES[bits & 31] ?? "";
}

/**
 * Parses "SYN+ACK" (any order, any case) into a bit set. Returns an error message
 * for an empty set, an unknown flag or a flag named twice.
 */
export function parseFlags(text: string): { bits: number } | { error: string } {
  // Most sets arrive as the trace writes them: those are looked up, with no strings made.
  const canonical = CANONICAL.get(text);
  if (canonical !== undefined) return { bits: canonical };
  const parts = text.split("+").map((p) => p.trim().toUpperCase());
  let bits = 0;
  for (const part of parts) {
    if (part === "") return { error: `"${text}" is not a flag set: write flags like "SYN+ACK"` };
    if (!(FLAG_ORDER as readonly string[]).includes(part)) {
      return { error: `"${part}" is not a TCP flag (expected ${FLAG_ORDER.join(", ")})` };
    }
    const bit = BIT[part as FlagName];
    if (bits & bit) return { error: `"${part}" appears twice in "${text}"` };
    bits |= bit;
  }
  return { bits };
}

/** Bytes of sequence space a segment occupies: its data plus one for SYN and one for FIN. */
export function segmentLength(flags: number, len: number): number {
  return len + (flags & SYN ? 1 : 0) + (flags & FIN ? 1 : 0);
}
