// The retransmission timeout from measured round trips: RFC 6298 §2 as written, or as
// Linux computes it (net/ipv4/tcp_input.c tcp_rtt_estimator, tcp_output.c __tcp_set_rto).
// One estimator per connection; the endpoint feeds it the samples Karn's rule allows
// (RFC 6298 §3: none from a segment that was retransmitted) and asks for the RTO.
import { seqGt } from "./seq";

/** Which formula a profile uses. */
export type RttEstimator = "rfc6298" | "linux";

/** RFC 6298 §2.2–§2.3 gains: alpha = 1/8, beta = 1/4, K = 4. */
const ALPHA = 1 / 8;
const BETA = 1 / 4;
const K = 4;
/** RFC 6298 §2.4 calls it G: the engine's clock ticks in milliseconds. */
const CLOCK_GRANULARITY_MS = 1;

export class RttState {
  /** Whether a sample has been taken (RFC 6298 §2.1: until then RTO is the initial one). */
  sampled = false;
  // RFC 6298, in ms.
  private srtt = 0;
  private rttvar = 0;
  // Linux, in µs and scaled as the kernel keeps them: srtt × 8, mdev × 4, rttvar × 4.
  private srttUs8 = 0;
  private mdevUs = 0;
  private mdevMaxUs = 0;
  private rttvarUs = 0;
  private rttSeq = 0;

  constructor(
    private readonly estimator: RttEstimator,
    /** RFC 6298 §2.4's lower bound (1 s), or Linux's tcp_rto_min (200 ms). */
    private readonly minRtoMs: number,
  ) {}

  /** A new connection starts unmeasured (in place: an endpoint keeps one estimator). */
  reset(): void {
    this.sampled = false;
    this.srtt = 0;
    this.rttvar = 0;
    this.srttUs8 = 0;
    this.mdevUs = 0;
    this.mdevMaxUs = 0;
    this.rttvarUs = 0;
    this.rttSeq = 0;
  }

  /**
   * A round-trip sample of `ms`, taken when an ACK moved SND.UNA to `sndUna` with SND.NXT at
   * `sndNxt` (Linux refreshes its variance bound once per round trip, tracked by sequence).
   * Returns the new RTO in whole milliseconds (rounded up, as usecs_to_jiffies does).
   */
  sample(ms: number, sndUna: number, sndNxt: number): number {
    const first = !this.sampled;
    this.sampled = true;
    if (this.estimator === "rfc6298") {
      if (first) {
        // §2.2: "SRTT <- R, RTTVAR <- R/2"
        this.srtt = ms;
        this.rttvar = ms / 2;
      } else {
        // §2.3: "RTTVAR <- (1 - beta) * RTTVAR + beta * |SRTT - R'|; SRTT <- (1 - alpha) * SRTT + alpha * R'"
        this.rttvar = (1 - BETA) * this.rttvar + BETA * Math.abs(this.srtt - ms);
        this.srtt = (1 - ALPHA) * this.srtt + ALPHA * ms;
      }
      // §2.3 "RTO <- SRTT + max (G, K*RTTVAR)"; §2.4 "if it is less than 1 second, then the RTO SHOULD be rounded up".
      return Math.ceil(Math.max(this.minRtoMs, this.srtt + Math.max(CLOCK_GRANULARITY_MS, K * this.rttvar)));
    }
    return this.linuxSample(Math.round(ms * 1000), first, sndUna, sndNxt);
  }

  /** tcp_rtt_estimator, line by line; then __tcp_set_rto: srtt + rttvar. */
  private linuxSample(mUs: number, first: boolean, sndUna: number, sndNxt: number): number {
    const rtoMinUs = this.minRtoMs * 1000;
    let m = Math.max(1, mUs);
    if (first) {
      this.srttUs8 = m * 8; // "take the measured time to be rtt"
      this.mdevUs = m * 2; // "make sure rto = 3*rtt"
      this.rttvarUs = Math.max(this.mdevUs, rtoMinUs);
      this.mdevMaxUs = this.rttvarUs;
      this.rttSeq = sndNxt;
    } else {
      m -= this.srttUs8 >> 3; // m is now the error in the estimate
      this.srttUs8 += m; // rtt = 7/8 rtt + 1/8 new
      if (m < 0) {
        m = -m;
        m -= this.mdevUs >> 2;
        if (m > 0) m >>= 3; // a smaller RTT moves mdev less
      } else {
        m -= this.mdevUs >> 2;
      }
      this.mdevUs += m; // mdev = 3/4 mdev + 1/4 new
      if (this.mdevUs > this.mdevMaxUs) {
        this.mdevMaxUs = this.mdevUs;
        if (this.mdevMaxUs > this.rttvarUs) this.rttvarUs = this.mdevMaxUs;
      }
      // Once per round trip (SND.UNA past the SND.NXT of the last refresh), rttvar decays
      // towards the largest mdev seen in it, and that maximum restarts at tcp_rto_min.
      if (seqGt(sndUna, this.rttSeq)) {
        if (this.mdevMaxUs < this.rttvarUs) this.rttvarUs -= (this.rttvarUs - this.mdevMaxUs) >> 2;
        this.rttSeq = sndNxt;
        this.mdevMaxUs = rtoMinUs;
      }
    }
    this.srttUs8 = Math.max(1, this.srttUs8);
    return Math.ceil(((this.srttUs8 >> 3) + this.rttvarUs) / 1000);
  }
}
