// A small seeded PRNG (sfc32, seeded through splitmix32), so a (family, params, seed) triple
// always gives the same scenario. Pure: no Math.random, no clock.

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32's state advances by the golden ratio; each state is then mixed.
    const s = seed >>> 0;
    this.a = splitmix32((s + SPLITMIX_GAMMA) >>> 0);
    this.b = splitmix32((s + 2 * SPLITMIX_GAMMA) >>> 0);
    this.c = splitmix32((s + 3 * SPLITMIX_GAMMA) >>> 0);
    this.d = splitmix32((s + 4 * SPLITMIX_GAMMA) >>> 0);
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t >>> 0;
  }

  /** A uniform integer in min..max (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor((this.u32() / 0x1_0000_0000) * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  chance(p: number): boolean {
    return this.u32() / 0x1_0000_0000 < p;
  }

  /** An initial sequence number: anywhere in 32 bits, and near the wrap-around one time in five. */
  isn(): number {
    return this.chance(0.2) ? 0x1_0000_0000 - this.int(1, 5000) : this.u32();
  }
}

const SPLITMIX_GAMMA = 0x9e3779b9;

/**
 * splitmix32's output for one state. A function of its own rather than a closure made per
 * Rng: one Rng is made per question variant, and under tsx a closure also gets its name set.
 */
function splitmix32(state: number): number {
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
