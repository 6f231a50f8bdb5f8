// What each profile changes. Profile rfc9293 is the standard; the others are
// expressed as differences from it, so every departure is named in one place.
import type { RttEstimator } from "./rtt";
import { LinuxSysctlSchema, type LinuxSysctls, type Profile, type Timing } from "./scenario";

export interface ProfileRules {
  /** How long TIME_WAIT lasts, or null when the profile skips TIME_WAIT entirely. */
  timeWaitMs: number | null;
  /** An orphaned FIN_WAIT_2 gives up after this long (null: waits for the peer's FIN forever). */
  finWait2TimeoutMs: number | null;
  /** Retransmissions of a SYN before giving up (null: until the user timeout). */
  synRetries: number | null;
  /**
   * The first this many SYN retransmissions wait the initial RTO again instead of doubling it,
   * and add to synRetries (Linux tcp_syn_linear_timeouts; 0: plain exponential backoff).
   */
  synLinearTimeouts: number;
  /** Retransmissions of a SYN-ACK before the half-open connection is dropped. */
  synAckRetries: number | null;
  /** Retransmissions of data or FIN before giving up (null: until the user timeout). */
  dataRetries: number | null;
  /** Upper bound of the backed-off retransmission timeout. */
  maxRtoMs: number;
  /** How the RTO follows the measured round trips (RFC 6298 §2, or Linux's tcp_rtt_estimator). */
  rttEstimator: RttEstimator;
  /** Least RTO once a round trip has been measured. */
  minRtoMs: number;
  /** listen(backlog) bounds the SYN and accept queues. */
  enforcesBacklog: boolean;
  /** listen() caps its backlog at this (Linux net.core.somaxconn; null: no cap). */
  maxBacklog: number | null;
  /** A SYN is dropped once the SYN queue holds more than this (Linux tcp_max_syn_backlog; null: no bound). */
  maxSynQueue: number | null;
  /**
   * RFC 1122 §4.2.2.13's RST "to show that data was lost": for new data arriving after a full
   * close, and for a close with received data unread (RFC 2525 §2.17).
   */
  resetsDataAfterClose: boolean;
  /** The connection is established by SYN and SYN-ACK alone (counterfactual). */
  twoWayHandshake: boolean;
}

const LINUX_DEFAULTS = LinuxSysctlSchema.parse({});

/** The rules of one endpoint: its profile's, and in profile linux its host's sysctls. */
export function rulesFor(profile: Profile, timing: Timing, sysctl: LinuxSysctls = LINUX_DEFAULTS): ProfileRules {
  const rfc: ProfileRules = {
    // RFC 9293 §3.10.7.4 (eighth step): "start the time-wait timer" for 2 MSL.
    timeWaitMs: 2 * timing.mslMs,
    finWait2TimeoutMs: null,
    synRetries: null,
    synLinearTimeouts: 0,
    synAckRetries: null,
    dataRetries: null,
    // RFC 6298 §2.5: "a maximum value MAY be placed on RTO provided it is at least 60 seconds".
    maxRtoMs: 60_000,
    rttEstimator: "rfc6298",
    // RFC 6298 §2.4: "Whenever RTO is computed, if it is less than 1 second, then the RTO SHOULD be rounded up to 1 second."
    minRtoMs: 1000,
    enforcesBacklog: false,
    maxBacklog: null,
    maxSynQueue: null,
    resetsDataAfterClose: false,
    twoWayHandshake: false,
  };
  switch (profile) {
    case "rfc9293":
      return rfc;
    case "linux":
      return {
        ...rfc,
        timeWaitMs: 60_000, // TCP_TIMEWAIT_LEN
        finWait2TimeoutMs: sysctl.tcp_fin_timeout * 1000,
        synRetries: sysctl.tcp_syn_retries,
        // With the defaults, SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s; gives up at 131 s.
        synLinearTimeouts: sysctl.tcp_syn_linear_timeouts,
        synAckRetries: sysctl.tcp_synack_retries,
        dataRetries: 15, // net.ipv4.tcp_retries2
        maxRtoMs: 120_000, // TCP_RTO_MAX
        rttEstimator: "linux",
        minRtoMs: sysctl.tcp_rto_min_us / 1000, // net.ipv4.tcp_rto_min_us (TCP_RTO_MIN, 200 ms)
        enforcesBacklog: true,
        // __sys_listen: "if ((unsigned int)backlog > somaxconn) backlog = somaxconn".
        maxBacklog: sysctl.somaxconn,
        // tcp_conn_request, syncookies off, a peer with no history: drop when
        // "max_syn_backlog - inet_csk_reqsk_queue_len(sk) < (max_syn_backlog >> 2)".
        maxSynQueue: sysctl.tcp_max_syn_backlog - (sysctl.tcp_max_syn_backlog >> 2),
        resetsDataAfterClose: true,
      };
    case "two-way-handshake":
      return { ...rfc, twoWayHandshake: true };
    case "no-time-wait":
      return { ...rfc, timeWaitMs: null };
  }
}
