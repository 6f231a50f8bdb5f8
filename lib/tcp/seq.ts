// Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4: "all arithmetic dealing with
// sequence numbers must be performed modulo 2**32"). Comparisons use the signed
// 32-bit difference, so they stay correct across wrap-around as long as the two
// numbers are less than 2^31 apart, which a window of 65535 guarantees.

export const SEQ_MOD = 0x1_0000_0000;

/** a + n, wrapped to 0 .. 2^32-1. */
export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

/** The signed distance b - a, in -2^31 .. 2^31-1. */
export function seqDiff(b: number, a: number): number {
  return (b - a) | 0;
}

export function seqLt(a: number, b: number): boolean {
  return ((a - b) | 0) < 0;
}

export function seqLe(a: number, b: number): boolean {
  return ((a - b) | 0) <= 0;
}

export function seqGt(a: number, b: number): boolean {
  return ((a - b) | 0) > 0;
}

export function seqGe(a: number, b: number): boolean {
  return ((a - b) | 0) >= 0;
}
