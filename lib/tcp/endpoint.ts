// One TCP endpoint: its TCB and the RFC 9293 state machine. Time and output go
// through the Host (the simulator), so this module reads no clock and does no I/O.
//
// Entry points, as in smoltcp's socket: call() for user calls (§3.10.1–3.10.5),
// receive() for segment arrival (§3.10.7), fireTimer() for timeouts (§3.10.8),
// output() to send what is due, nextTimer() for when the next timer fires.
// Every state change goes through setState() with its rule from lib/tcp/transitions.ts,
// the table of what the endpoint may do; the trace records the rule's id and citation.
import { ACK, FIN, PSH, RST, SYN, segmentLength } from "./flags";
import type { ProfileRules } from "./profiles";
import type { CallName, EndpointName, Timing } from "./scenario";
import { seqAdd, seqDiff, seqGt, seqLe, seqLt } from "./seq";
import type { CallError, SegmentView, SignalId, State, TimerName } from "./trace";
import { RttState } from "./rtt";
import { RULES, checkTransition, type Rule, type RuleTo } from "./transitions";

/** Maximum segment size for data (RFC 9293 §3.7.1 default for IPv4 over Ethernet-sized paths). */
export const MSS = 1460;
/** The fixed receive window every endpoint advertises. */
export const WINDOW = 65535;
/**
 * RFC 5961 §7: "An implementation SHOULD include an ACK throttling mechanism" for the
 * ACKs it sends in reply to unacceptable segments and as challenge ACKs. Without it
 * two desynchronized endpoints answer each other's ACKs forever (an "ACK war").
 * Linux's tcp_invalid_ratelimit is 500 ms per connection; we use the same.
 */
export const CHALLENGE_ACK_INTERVAL_MS = 500;
/**
 * RFC 6298 §5.7: "If the timer expires awaiting the ACK of a SYN segment and the TCP
 * implementation is using an RTO less than 3 seconds, the RTO MUST be re-initialized to 3
 * seconds when data transmission begins" (Linux TCP_TIMEOUT_FALLBACK, in tcp_init_metrics).
 */
const FALLBACK_RTO_MS = 3000;
/** The ISN clock ticks every 4 µs (RFC 9293 §3.4.1): 250 ticks per millisecond. */
const ISN_TICKS_PER_MS = 250;

/** A segment on the wire: numbers for the engine, the view for the trace. */
export interface Wire {
  readonly bits: number;
  readonly seq: number;
  readonly ack: number;
  readonly len: number;
  readonly view: SegmentView;
}

export type DiscardReason = "syn-queue-full" | "accept-queue-full";

/** What an endpoint needs from the simulator around it. */
export interface Host {
  readonly now: number;
  readonly timing: Timing;
  transmit(from: Endpoint, bits: number, seq: number, ack: number, len: number, retransmission: boolean): void;
  stateChanged(endpoint: Endpoint, from: State, to: State, rule: Rule): void;
  /** What the application is told; its words are the catalogs' `tcp.signal.<id>`. */
  signal(endpoint: Endpoint, signal: SignalId): void;
  discarded(endpoint: Endpoint, segment: Wire, reason: DiscardReason): void;
  syntheticTimer(endpoint: Endpoint, timer: TimerName): void;
}

interface Outstanding {
  bits: number;
  seq: number;
  len: number;
  /** When it was first sent, for the round-trip sample. */
  sentAt: number;
  /** Karn's rule (RFC 6298 §3): a retransmitted segment gives no sample. */
  retransmitted: boolean;
}

interface Held {
  seq: number;
  len: number;
  fin: boolean;
  ack: number;
}

export interface EndpointConfig {
  isn: number;
  /** The application reads received data at once (default), or only at its read calls. */
  autoRead?: boolean;
  /** This endpoint's rules: its profile's, and in profile linux its host's sysctls. */
  rules: ProfileRules;
  backlog?: number;
  synQueue?: number;
  acceptQueue?: number;
}

export class Endpoint {
  state: State = "CLOSED";
  /** The connection came from a passive OPEN (listen), RFC 9293 §3.10.7.4. */
  passive = false;

  // Send sequence variables (RFC 9293 §3.3.1).
  iss = 0;
  sndUna = 0;
  sndNxt = 0;
  sndWnd = WINDOW;
  // Receive sequence variables.
  irs = 0;
  rcvNxt = 0;
  readonly rcvWnd = WINDOW;

  /** Bytes the application has written that are not yet in a segment. */
  unsent = 0;
  /** Bytes received that the application has not read yet (only without autoRead). */
  unread = 0;
  private readonly autoRead: boolean;
  /** CLOSE was called: send FIN once the unsent data is out. */
  closeQueued = false;
  /** CLOSE was called in SYN_RECEIVED with data pending: act on it at ESTABLISHED. */
  closeAfterEstablished = false;
  finSent = false;
  finSeq = 0;
  /** The application called close() (Linux: an orphaned socket). */
  appClosed = false;
  /** The application called shutdown(SHUT_WR): our FIN is queued or sent, and it still reads. */
  shutDown = false;
  /** An ACK is owed to the peer; output() sends it unless a data segment carries it. */
  ackNow = false;
  /** A delayed ACK is due at this time (Infinity: none pending). */
  delackAt = Infinity;
  /** Segments received since our last ACK, for "ACK every second segment". */
  private unackedSegments = 0;
  /** When the last reply to an unacceptable segment (or challenge ACK) was sent. */
  private lastChallengeAt = -Infinity;

  /** Retransmission queue: segments that occupy sequence space and are not yet acknowledged. */
  readonly rtxq: Outstanding[] = [];
  /** Out-of-order text and FIN held until the gap before them fills. */
  readonly held: Held[] = [];
  rto: number;
  retries = 0;
  /** The round-trip estimator of the current connection (RFC 6298 §2). */
  private readonly rtt: RttState;
  /** A SYN or SYN-ACK of this connection timed out (RFC 6298 §5.7). */
  private handshakeTimedOut = false;
  rtxAt = Infinity;
  userTimeoutAt = Infinity;
  timeWaitAt = Infinity;
  finWait2At = Infinity;

  // The ISN generator (RFC 9293 §3.4.1): the first open uses the scenario's isn.
  private readonly isn: number;
  private opens = 0;
  private firstOpenAt = 0;

  private readonly rules: ProfileRules;

  // listen(backlog) queues (profile linux): the other clients' entries.
  /** listen()'s backlog, capped by the profile (Linux somaxconn). */
  readonly backlog: number;
  /** Expiry times of other clients' half-open connections in the SYN queue. */
  readonly synQueue: number[] = [];
  /** Other clients' connections waiting for accept(). */
  acceptQueue: number;
  /** Our own connection is established and waiting for accept(). */
  inAcceptQueue = false;

  constructor(
    readonly name: EndpointName,
    readonly peerName: EndpointName,
    config: EndpointConfig,
    private readonly host: Host,
  ) {
    this.isn = config.isn;
    this.rules = config.rules;
    this.autoRead = config.autoRead ?? true;
    const backlog = config.backlog ?? 128;
    this.backlog = config.rules.maxBacklog === null ? backlog : Math.min(backlog, config.rules.maxBacklog);
    this.acceptQueue = config.acceptQueue ?? 0;
    this.rto = host.timing.rtoMs;
    this.rtt = new RttState(config.rules.rttEstimator, config.rules.minRtoMs);
    // Other clients' half-open entries expire when their SYN-ACK retries run out:
    // rto * (1 + 2 + ... + 2^retries) after they arrived at t = 0.
    const retries = config.rules.synAckRetries ?? 5;
    const lifetime = host.timing.rtoMs * (2 ** (retries + 1) - 1);
    for (let i = 0; i < (config.synQueue ?? 0); i++) this.synQueue.push(lifetime);
  }

  // ---------------------------------------------------------------- user calls

  /** Carries out a user call; returns the RFC's error text when the call is refused. */
  call(call: CallName, bytes: number): CallError | null {
    switch (call) {
      case "listen":
        return this.listen();
      case "connect":
        return this.connect();
      case "accept":
        return this.accept();
      case "send":
        return this.send(bytes);
      case "read":
        // RFC 9293 §3.10.3 RECEIVE: the application takes everything received so far.
        if (this.state === "CLOSED") return "connection does not exist";
        this.unread = 0;
        return null;
      case "shutdown":
        return this.shutdown();
      case "close":
        return this.close();
      case "abort":
        return this.abort();
      case "crash":
        // Not a TCP call: the host reboots and forgets every connection without sending
        // anything, which is how half-open connections arise (RFC 9293 §3.5.2, Figure 10).
        if (this.state !== "CLOSED") {
          this.resetConnection();
          this.passive = false;
          this.appClosed = false;
          this.setState("CLOSED", RULES["crash"]);
        }
        return null;
    }
  }

  private listen(): CallError | null {
    // RFC 9293 §3.10.1 OPEN, CLOSED state: passive OPEN enters LISTEN.
    if (this.state !== "CLOSED") return "connection already exists";
    this.passive = true;
    this.setState("LISTEN", RULES["listen"]);
    return null;
  }

  private connect(): CallError | null {
    // RFC 9293 §3.10.1 OPEN: active OPEN from CLOSED, or from LISTEN ("change the
    // connection from passive to active, select an ISS. Send a SYN segment").
    if (this.state !== "CLOSED" && this.state !== "LISTEN") return "connection already exists";
    this.passive = false;
    this.iss = this.chooseIss();
    this.sndUna = this.iss;
    this.sndNxt = this.iss;
    this.sendInSequence(SYN, 0);
    this.setState("SYN_SENT", RULES["connect"]);
    return null;
  }

  private accept(): CallError | null {
    if (this.state === "CLOSED") return "connection does not exist";
    if (!this.passive) return "not listening";
    // Oldest first: the other clients' connections were queued before ours.
    if (this.acceptQueue > 0) {
      this.acceptQueue--;
      return null;
    }
    if (this.inAcceptQueue) {
      this.inAcceptQueue = false;
      return null;
    }
    return "no connection is waiting (accept would block)";
  }

  private send(bytes: number): CallError | null {
    // RFC 9293 §3.10.2 SEND.
    switch (this.state) {
      case "CLOSED":
        return "connection does not exist";
      case "LISTEN":
        return "foreign socket unspecified";
      case "SYN_SENT":
      case "SYN_RECEIVED":
        if (this.closeAfterEstablished) return "connection closing";
        // "Queue the data for transmission after entering ESTABLISHED state."
        this.unsent += bytes;
        return null;
      case "ESTABLISHED":
      case "CLOSE_WAIT":
        this.inAcceptQueue = false;
        this.unsent += bytes;
        return null;
      default:
        return "connection closing";
    }
  }

  /**
   * shutdown(SHUT_WR): the RFC's CLOSE as written ("the user ... can continue to RECEIVE"),
   * without giving up the socket. Linux tcp_shutdown sends the FIN and keeps the socket
   * readable: data and the peer's FIN are still acknowledged, and FIN_WAIT_2 has no timeout.
   */
  private shutdown(): CallError | null {
    if (this.shutDown) return "connection closing";
    switch (this.state) {
      case "ESTABLISHED":
        this.shutDown = true;
        this.inAcceptQueue = false;
        this.closeQueued = true;
        this.setState("FIN_WAIT_1", RULES["shutdown/established"]);
        return null;
      case "CLOSE_WAIT":
        this.shutDown = true;
        this.inAcceptQueue = false;
        this.closeQueued = true;
        this.setState("LAST_ACK", RULES["shutdown/close-wait"]);
        return null;
      case "SYN_SENT":
      case "SYN_RECEIVED": {
        // As a close in these states, except that the application keeps the socket.
        const error = this.close();
        this.appClosed = false;
        if (error === null) this.shutDown = (this.state as State) !== "CLOSED";
        return error;
      }
      default:
        return this.close();
    }
  }

  private close(): CallError | null {
    if (this.rules.resetsDataAfterClose && this.unread > 0 && this.state !== "CLOSED") {
      const s = this.state;
      if (s === "ESTABLISHED" || s === "FIN_WAIT_1" || s === "FIN_WAIT_2" || s === "CLOSE_WAIT") {
        // Linux tcp_close, after RFC 2525 §2.17 and RFC 1122 §4.2.2.13 ("If such a host issues a
        // CLOSE call while received data is still pending in TCP ... its TCP SHOULD send a RST
        // to show that data was lost"): RST+ACK <SEQ=SND.NXT><ACK=RCV.NXT>, and the socket is gone.
        this.host.transmit(this, RST | ACK, this.sndNxt, this.rcvNxt, 0, false);
        this.host.signal(this, "connection-reset-unread-data");
        this.deleteTcb(RULES["linux/close-with-unread-data"]);
        return null;
      }
    }
    if (this.shutDown && !this.appClosed && this.state !== "CLOSED") {
      // close() after shutdown(): the FIN is already on its way; the socket is now orphaned
      // (Linux tcp_close), so an orphaned FIN_WAIT_2 times out from here.
      this.appClosed = true;
      const timeout = this.rules.finWait2TimeoutMs;
      if (this.state === "FIN_WAIT_2" && timeout !== null) this.finWait2At = this.host.now + timeout;
      return null;
    }
    // RFC 9293 §3.10.4 CLOSE.
    switch (this.state) {
      case "CLOSED":
        return "connection does not exist";
      case "LISTEN":
      case "SYN_SENT":
        // "Any outstanding RECEIVEs are returned ... delete TCB, enter CLOSED state."
        this.appClosed = true;
        this.deleteTcb(RULES["close/unopened"]);
        return null;
      case "SYN_RECEIVED":
        this.appClosed = true;
        if (this.unsent > 0) {
          // "otherwise, queue for processing after entering ESTABLISHED state."
          this.closeAfterEstablished = true;
          return null;
        }
        // "If no SENDs have been issued and there is no pending data to send,
        // then form a FIN segment and send it, and enter FIN-WAIT-1 state."
        this.closeQueued = true;
        this.setState("FIN_WAIT_1", RULES["close/syn-received"]);
        return null;
      case "ESTABLISHED":
        this.appClosed = true;
        this.inAcceptQueue = false;
        // "Queue this until all preceding SENDs have been segmentized, then form a
        // FIN segment and send it. In any case, enter FIN-WAIT-1 state."
        this.closeQueued = true;
        this.setState("FIN_WAIT_1", RULES["close/established"]);
        return null;
      case "CLOSE_WAIT":
        this.appClosed = true;
        this.inAcceptQueue = false;
        // RFC 9293 corrects RFC 793 here: the passive closer enters LAST-ACK.
        this.closeQueued = true;
        this.setState("LAST_ACK", RULES["close/close-wait"]);
        return null;
      default:
        // FIN-WAIT-1/2: "Strictly speaking, this is an error"; CLOSING, LAST-ACK, TIME-WAIT likewise.
        return "connection closing";
    }
  }

  private abort(): CallError | null {
    // RFC 9293 §3.10.5 ABORT.
    switch (this.state) {
      case "CLOSED":
        return "connection does not exist";
      case "SYN_RECEIVED":
      case "ESTABLISHED":
      case "FIN_WAIT_1":
      case "FIN_WAIT_2":
      case "CLOSE_WAIT":
        // "Send a reset segment: <SEQ=SND.NXT><CTL=RST>"
        this.host.transmit(this, RST, this.sndNxt, 0, 0, false);
        this.deleteTcb(RULES["abort/with-rst"]);
        return null;
      default:
        // LISTEN, SYN-SENT: delete the TCB. CLOSING, LAST-ACK, TIME-WAIT: "respond with ok".
        this.deleteTcb(RULES["abort/without-rst"]);
        return null;
    }
  }

  // ----------------------------------------------------------- segment arrival

  /** RFC 9293 §3.10.7 SEGMENT ARRIVES. */
  receive(seg: Wire): void {
    switch (this.state) {
      case "CLOSED":
        return this.receiveInClosed(seg);
      case "LISTEN":
        return this.receiveInListen(seg);
      case "SYN_SENT":
        return this.receiveInSynSent(seg);
      default:
        return this.receiveSynchronized(seg);
    }
  }

  private receiveInClosed(seg: Wire): void {
    // RFC 9293 §3.10.7.1: "An incoming segment containing a RST is discarded."
    if (seg.bits & RST) return;
    // Counterfactual two-way handshake: a stray SYN-ACK is ignored, so nothing tells
    // a server that was opened by an old duplicate SYN that its connection is bogus.
    if (this.rules.twoWayHandshake && seg.bits & SYN && seg.bits & ACK) return;
    this.replyReset(seg);
  }

  /** The reset for a segment that belongs to no connection (RFC 9293 §3.10.7.1). */
  private replyReset(seg: Wire): void {
    if (seg.bits & ACK) {
      // "If the ACK bit is on, <SEQ=SEG.ACK><CTL=RST>"
      this.host.transmit(this, RST, seg.ack, 0, 0, false);
    } else {
      // "If the ACK bit is off, sequence number zero is used, <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>"
      this.host.transmit(this, RST | ACK, 0, seqAdd(seg.seq, segmentLength(seg.bits, seg.len)), 0, false);
    }
  }

  private receiveInListen(seg: Wire): void {
    // RFC 9293 §3.10.7.2, first: "An incoming RST segment could not be valid ... ignore it."
    if (seg.bits & RST) return;
    // Second: "Any acknowledgment is bad if it arrives on a connection still in the
    // LISTEN state. An acceptable reset segment should be formed: <SEQ=SEG.ACK><CTL=RST>"
    if (seg.bits & ACK) {
      this.host.transmit(this, RST, seg.ack, 0, 0, false);
      return;
    }
    // Third: a SYN. Fourth: anything else is dropped.
    if (!(seg.bits & SYN)) return;
    if (this.rules.enforcesBacklog) {
      // Linux tcp_conn_request (syncookies off): a full SYN queue, or a full accept
      // queue, drops the SYN without a reply; the client retransmits it. The SYN queue is
      // full, as inet_csk_reqsk_queue_is_full counts, when it holds more than backlog.
      if (this.synQueue.length > this.backlog) return this.host.discarded(this, seg, "syn-queue-full");
      const maxSynQueue = this.rules.maxSynQueue;
      if (maxSynQueue !== null && this.synQueue.length > maxSynQueue) return this.host.discarded(this, seg, "syn-queue-full");
      if (this.acceptQueueFull()) return this.host.discarded(this, seg, "accept-queue-full");
    }
    this.irs = seg.seq;
    this.rcvNxt = seqAdd(seg.seq, 1);
    this.iss = this.chooseIss();
    this.sndUna = this.iss;
    this.sndNxt = this.iss;
    if (this.rules.twoWayHandshake) {
      // Counterfactual: the SYN-ACK completes the handshake; nothing acknowledges it.
      this.host.transmit(this, SYN | ACK, this.iss, this.rcvNxt, 0, false);
      this.sndNxt = seqAdd(this.iss, 1);
      this.sndUna = this.sndNxt;
      this.setState("ESTABLISHED", RULES["two-way-handshake/syn"]);
      return;
    }
    // "send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> ... The connection state should be changed to SYN-RECEIVED."
    this.sendInSequence(SYN | ACK, 0);
    this.setState("SYN_RECEIVED", RULES["listen/syn"]);
  }

  private receiveInSynSent(seg: Wire): void {
    // RFC 9293 §3.10.7.3, first: check the ACK bit.
    const hasAck = (seg.bits & ACK) !== 0;
    if (hasAck && (seqLe(seg.ack, this.iss) || seqGt(seg.ack, this.sndNxt))) {
      // "If SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a reset (unless the RST bit is
      // set, if so drop the segment and return) <SEQ=SEG.ACK><CTL=RST>"
      if (seg.bits & RST) return;
      if (this.rules.twoWayHandshake) return; // the counterfactual sends no RST for a stray SYN-ACK
      this.host.transmit(this, RST, seg.ack, 0, 0, false);
      return;
    }
    // Second: the RST bit. Acceptable only with an acceptable ACK (RFC 5961 §3.2 for SYN-SENT).
    if (seg.bits & RST) {
      if (!hasAck) return;
      this.host.signal(this, "connection-reset-refused");
      this.deleteTcb(RULES["syn-sent/rst"]);
      return;
    }
    // Fourth: the SYN bit. Fifth: "If neither of the SYN or RST bits is set, drop the segment."
    if (!(seg.bits & SYN)) return;
    this.irs = seg.seq;
    this.rcvNxt = seqAdd(seg.seq, 1);
    if (hasAck) this.acknowledge(seg.ack);
    if (seqGt(this.sndUna, this.iss)) {
      // "If SND.UNA > ISS (our SYN has been ACKed), change the connection state to
      // ESTABLISHED, form an ACK segment <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and send it."
      this.sndWnd = WINDOW;
      this.setState("ESTABLISHED", RULES["syn-sent/syn-ack"]);
      if (!this.rules.twoWayHandshake) this.ackNow = true;
      this.onEstablished();
      // "If there are other controls or text in the segment, then continue
      // processing at the sixth step" — the text and FIN follow the SYN.
      this.processTextAndFin(seqAdd(seg.seq, 1), seg.len, (seg.bits & FIN) !== 0, seg.ack);
      return;
    }
    // "Otherwise, enter SYN-RECEIVED, form a SYN,ACK segment <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>
    // and send it." — simultaneous open (Figure 7). The SYN's retransmissions now carry the ACK.
    const head = this.rtxq[0];
    if (head && head.bits & SYN) head.bits = SYN | ACK;
    this.host.transmit(this, SYN | ACK, this.iss, this.rcvNxt, 0, false);
    this.setState("SYN_RECEIVED", RULES["syn-sent/syn"]);
  }

  private receiveSynchronized(seg: Wire): void {
    const rules = this.rules;
    let bits = seg.bits;
    let seq = seg.seq;
    // Figure 7 (simultaneous open): in SYN-RECEIVED the peer's SYN+ACK repeats a SYN we
    // already have. Per §3.10.7.4 the idealized segment has "any portions that lie outside
    // the window (including SYN and FIN)" trimmed: what remains is an ACK at RCV.NXT.
    if (this.state === "SYN_RECEIVED" && bits & SYN && bits & ACK && seqAdd(seq, 1) === this.rcvNxt && seg.len === 0) {
      bits &= ~SYN;
      seq = this.rcvNxt;
    }
    const seglen = segmentLength(bits, seg.len);

    // First: check the sequence number (the four-row acceptability test).
    if (!acceptable(seq, seglen, this.rcvNxt, this.rcvWnd)) {
      if (bits & RST) return; // "If the RST bit is set, drop the segment and return."
      if (this.state === "TIME_WAIT" && bits & FIN && seqAdd(seq, seglen) === this.rcvNxt) {
        // Fifth step, TIME-WAIT: "The only thing that can arrive in this state is a
        // retransmission of the remote FIN. Acknowledge it, and restart the 2 MSL timeout."
        this.ackNow = true;
        this.restartTimeWait();
        return;
      }
      if (bits & SYN && seq === this.irs && !(bits & ACK)) {
        if (rules.twoWayHandshake) {
          // The counterfactual has no third segment: a repeated SYN means our SYN-ACK was lost.
          this.host.transmit(this, SYN | ACK, this.iss, this.rcvNxt, 0, true);
          return;
        }
        if (rules.enforcesBacklog && this.state === "SYN_RECEIVED") {
          // Linux tcp_check_req: a retransmitted SYN for a pending request gets the SYN-ACK
          // again, and the SYN-ACK timer restarts ("Reset timer after retransmitting SYNACK"):
          // reqsk_timeout, the initial timeout shifted by the expiries so far, which is this.rto.
          this.host.transmit(this, SYN | ACK, this.iss, this.rcvNxt, 0, true);
          this.rtxAt = this.host.now + this.rto;
          return;
        }
      }
      // "send an acknowledgment: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"
      this.challengeAck();
      return;
    }

    // Second: check the RST bit, with RFC 5961 §3.2: reset only at exactly RCV.NXT;
    // any other in-window RST gets a challenge ACK.
    if (bits & RST) {
      if (seq !== this.rcvNxt) {
        this.challengeAck();
        return;
      }
      this.receiveReset();
      return;
    }

    // Fourth: check the SYN bit (the third, security, is not modelled).
    if (bits & SYN) {
      if (this.state === "SYN_RECEIVED" && this.passive) {
        // "If the connection was initiated with a passive OPEN, then return this connection to the LISTEN state."
        this.returnToListen(RULES["syn-received/syn"]);
        return;
      }
      // RFC 5961 §4.2: a SYN in a synchronized state gets a challenge ACK and is dropped.
      this.challengeAck();
      return;
    }

    // Fifth: check the ACK field. "If the ACK bit is off, drop the segment and return."
    if (!(bits & ACK)) return;
    if (this.state === "SYN_RECEIVED") {
      if (!(seqLt(this.sndUna, seg.ack) && seqLe(seg.ack, this.sndNxt))) {
        // "If the segment acknowledgment is not acceptable, form a reset segment <SEQ=SEG.ACK><CTL=RST>"
        this.host.transmit(this, RST, seg.ack, 0, 0, false);
        return;
      }
      if (rules.enforcesBacklog && this.passive && this.acceptQueueFull()) {
        // Linux tcp_check_req with tcp_abort_on_overflow = 0: the final ACK is dropped and
        // the server stays in SYN_RECEIVED, retransmitting its SYN-ACK.
        this.host.discarded(this, seg, "accept-queue-full");
        return;
      }
      this.setState("ESTABLISHED", RULES["syn-received/ack"]);
      if (this.passive) this.inAcceptQueue = true;
      this.acknowledge(seg.ack);
      this.onEstablished();
    } else if (this.state === "TIME_WAIT") {
      // "The only thing that can arrive in this state is a retransmission of the remote
      // FIN. Acknowledge it, and restart the 2 MSL timeout." Anything else is ignored
      // (seventh step: "Ignore the segment text"); ACKing an ACK would start a ping-pong.
      if (bits & FIN) {
        this.restartTimeWait();
        this.ackNow = true;
      }
      return;
    } else {
      // RFC 5961 §5.2 (and §3.10.7.4 "If the ACK acks something not yet sent"):
      // an ACK outside SND.UNA - MAX.SND.WND .. SND.NXT is answered with an ACK and dropped.
      if (seqGt(seg.ack, this.sndNxt) || seqLt(seg.ack, seqAdd(this.sndUna, -WINDOW))) {
        this.challengeAck();
        return;
      }
      // "If SND.UNA < SEG.ACK =< SND.NXT, then set SND.UNA <- SEG.ACK." Duplicates are ignored.
      if (seqLt(this.sndUna, seg.ack)) this.acknowledge(seg.ack);
    }

    switch (this.state) {
      case "FIN_WAIT_1":
        // "if the FIN segment is now acknowledged, then enter FIN-WAIT-2 and continue processing"
        if (this.ourFinAcked()) this.enterFinWait2();
        break;
      case "CLOSING":
        // "if the ACK acknowledges our FIN, then enter the TIME-WAIT state; otherwise, ignore the segment."
        if (this.ourFinAcked()) {
          this.enterTimeWait(RULES["closing/ack"]);
        }
        return;
      case "LAST_ACK":
        // "If our FIN is now acknowledged, delete the TCB, enter the CLOSED state, and return."
        if (this.ourFinAcked()) {
          this.deleteTcb(RULES["last-ack/ack"]);
        }
        return;
    }

    // Seventh and eighth: the segment text and the FIN bit.
    this.processTextAndFin(seq, seg.len, (bits & FIN) !== 0, seg.ack);
  }

  private receiveReset(): void {
    // RFC 9293 §3.10.7.4, second step, by state.
    switch (this.state) {
      case "SYN_RECEIVED":
        if (this.passive) {
          // "If this connection was initiated with a passive OPEN, then return this connection to LISTEN."
          this.returnToListen(RULES["syn-received/rst-passive"]);
        } else {
          this.host.signal(this, "connection-refused");
          this.deleteTcb(RULES["syn-received/rst-active"]);
        }
        return;
      case "ESTABLISHED":
      case "FIN_WAIT_1":
      case "FIN_WAIT_2":
      case "CLOSE_WAIT":
        this.host.signal(this, "connection-reset");
        this.deleteTcb(RULES["connected/rst"]);
        return;
      default:
        // CLOSING, LAST-ACK, TIME-WAIT: "enter the CLOSED state, delete the TCB, and return."
        this.deleteTcb(RULES["both-fins/rst"]);
    }
  }

  /** The seventh (segment text) and eighth (FIN) steps of RFC 9293 §3.10.7.4. */
  private processTextAndFin(seq: number, len: number, fin: boolean, ack: number): void {
    if (len === 0 && !fin) return;
    if (seqGt(seq, this.rcvNxt)) {
      // "Segments with higher beginning sequence numbers SHOULD be held for later
      // processing." A duplicate ACK tells the sender what is missing (RFC 5681 §4.2).
      this.hold(seq, len, fin, ack);
      this.ackNow = true;
      return;
    }
    // Trim what we already have: only the new part is processed.
    const old = seqDiff(this.rcvNxt, seq);
    const fresh = Math.max(0, len - old);
    const receiving = this.state === "ESTABLISHED" || this.state === "FIN_WAIT_1" || this.state === "FIN_WAIT_2";
    if (fresh > 0 && receiving) {
      if (this.rules.resetsDataAfterClose && this.appClosed && this.state !== "ESTABLISHED") {
        // Linux, after RFC 1122 §4.2.2.13: new data for an application that has closed is
        // answered with RST <SEQ=SEG.ACK>, since nobody will ever read it.
        this.host.transmit(this, RST, ack, 0, 0, false);
        this.host.signal(this, "connection-reset-data-after-close");
        this.deleteTcb(RULES["linux/data-after-close"]);
        return;
      }
      // "Once the TCP takes responsibility for the data, it advances RCV.NXT over the data
      // accepted ... Send an acknowledgment of the form: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"
      this.rcvNxt = seqAdd(this.rcvNxt, fresh);
      if (!this.autoRead) this.unread += fresh;
      this.ackReceived();
    }
    // Eighth: the FIN, only once everything before it has arrived.
    if (fin && seqAdd(seq, len) === this.rcvNxt) this.receiveFin();
    else if (len > 0 && !receiving) this.ackNow = true;
    this.drainHeld();
  }

  private receiveFin(): void {
    // RFC 9293 §3.10.7.4, eighth: "signal the user 'connection closing' ..., advance
    // RCV.NXT over the FIN, and send an acknowledgment for the FIN."
    this.rcvNxt = seqAdd(this.rcvNxt, 1);
    // Linux delays the ACK of a FIN only in ESTABLISHED, where the application is likely
    // to close at once and let its FIN carry the ACK (a three-segment close).
    if (this.state === "ESTABLISHED") this.ackReceived();
    else this.ackNow = true;
    // (SYN-RECEIVED is not among the cases: the fifth step has made it ESTABLISHED by now.)
    switch (this.state) {
      case "ESTABLISHED":
        this.host.signal(this, "connection-closing");
        this.setState("CLOSE_WAIT", RULES["established/fin"]);
        return;
      case "FIN_WAIT_1":
        this.host.signal(this, "connection-closing");
        if (this.ourFinAcked()) {
          this.enterTimeWait(RULES["fin-wait-1/fin-ack"]);
        } else {
          this.setState("CLOSING", RULES["fin-wait-1/fin"]);
        }
        return;
      case "FIN_WAIT_2":
        this.host.signal(this, "connection-closing");
        this.enterTimeWait(RULES["fin-wait-2/fin"]);
        return;
      case "TIME_WAIT":
        this.restartTimeWait();
        return;
      default:
      // CLOSE-WAIT, CLOSING, LAST-ACK: "Remain in the ... state."
    }
  }

  private hold(seq: number, len: number, fin: boolean, ack: number): void {
    for (const h of this.held) if (h.seq === seq) return;
    let i = this.held.length;
    while (i > 0 && seqGt(this.held[i - 1].seq, seq)) i--;
    this.held.splice(i, 0, { seq, len, fin, ack });
  }

  private drainHeld(): void {
    // Each held entry is taken out before it is processed, so this ends.
    while (this.held.length > 0 && seqLe(this.held[0].seq, this.rcvNxt) && this.state !== "CLOSED") {
      const h = this.held.shift() as Held;
      this.processTextAndFin(h.seq, h.len, h.fin, h.ack);
    }
  }

  // ------------------------------------------------------------------ timers

  /** When the next timer of this endpoint fires (Infinity: none). */
  nextTimer(): number {
    let t = this.rtxAt;
    if (this.userTimeoutAt < t) t = this.userTimeoutAt;
    if (this.timeWaitAt < t) t = this.timeWaitAt;
    if (this.finWait2At < t) t = this.finWait2At;
    if (this.synQueue.length > 0 && this.synQueue[0] < t) t = this.synQueue[0];
    if (this.delackAt < t) t = this.delackAt;
    return t;
  }

  /** The timer due at `now`, in a fixed order, or null. */
  dueTimer(now: number): TimerName | null {
    if (this.timeWaitAt <= now) return "time-wait";
    if (this.finWait2At <= now) return "fin-wait-2";
    if (this.userTimeoutAt <= now) return "user-timeout";
    if (this.rtxAt <= now) return "retransmit";
    if (this.synQueue.length > 0 && this.synQueue[0] <= now) return "syn-queue";
    if (this.delackAt <= now) return "delayed-ack";
    return null;
  }

  fireTimer(timer: TimerName): void {
    switch (timer) {
      case "time-wait":
        // RFC 9293 §3.10.8: "If the time-wait timeout expires on a connection, delete the TCB, enter CLOSED."
        this.timeWaitAt = Infinity;
        this.deleteTcb(
          this.rules.timeWaitMs === 2 * this.host.timing.mslMs ? RULES["time-wait/timeout"] : RULES["linux/time-wait-timeout"],
        );
        return;
      case "fin-wait-2":
        // Linux tcp_fin_timeout: an orphaned FIN_WAIT_2 is dropped silently.
        this.finWait2At = Infinity;
        this.deleteTcb(RULES["linux/fin-timeout"]);
        return;
      case "user-timeout":
        // RFC 9293 §3.10.8: "flush all queues, signal the user 'error: connection aborted
        // due to user timeout' ..., delete the TCB, enter the CLOSED state."
        this.host.signal(this, "connection-aborted-user-timeout");
        this.deleteTcb(RULES["user-timeout"]);
        return;
      case "retransmit":
        return this.retransmit();
      case "syn-queue":
        // Another client's half-open connection ran out of SYN-ACK retries.
        this.synQueue.shift();
        return;
      case "delayed-ack":
        // RFC 1122 §4.2.3.2: the delayed ACK is sent when its time is up.
        this.delackAt = Infinity;
        this.ackNow = true;
        return;
    }
  }

  private retransmit(): void {
    const head = this.rtxq[0];
    if (!head) {
      this.rtxAt = Infinity;
      return;
    }
    const rules = this.rules;
    const synSent = this.state === "SYN_SENT";
    // Linux: the linear SYN timeouts come on top of tcp_syn_retries (the kernel check saw
    // ten SYN retransmissions with tcp_syn_retries 6 and tcp_syn_linear_timeouts 4).
    const limit = synSent
      ? rules.synRetries === null
        ? null
        : rules.synRetries + rules.synLinearTimeouts
      : this.state === "SYN_RECEIVED"
        ? rules.synAckRetries
        : rules.dataRetries;
    if (limit !== null && this.retries >= limit) {
      if (this.state === "SYN_RECEIVED" && this.passive) {
        this.returnToListen(RULES["linux/synack-retries"]);
      } else {
        this.host.signal(this, "connection-timed-out");
        this.deleteTcb(this.state === "SYN_SENT" ? RULES["linux/syn-retries"] : RULES["linux/retries2"]);
      }
      return;
    }
    // RFC 6298 §5.4: retransmit the earliest unacknowledged segment; §5.5: back off
    // (RTO = RTO * 2, up to the maximum); §5.6: restart the timer.
    this.retries++;
    head.retransmitted = true;
    if (synSent || this.state === "SYN_RECEIVED") this.handshakeTimedOut = true;
    // Linux tcp_retransmit_timer: while a SYN_SENT socket's retransmissions are within
    // tcp_syn_linear_timeouts, the timeout is not backed off (1, 1, 1, 1, 1, 2, 4, ... s).
    if (!(synSent && this.retries <= rules.synLinearTimeouts)) this.rto = Math.min(this.rto * 2, rules.maxRtoMs);
    this.host.transmit(this, head.bits, head.seq, head.bits & ACK ? this.rcvNxt : 0, head.len, true);
    if (head.bits & ACK) this.ackSent();
    this.rtxAt = this.host.now + this.rto;
  }

  // ------------------------------------------------------------------ output

  /** Sends what is due: queued data, then a queued FIN, then an owed ACK. */
  output(): void {
    const s = this.state;
    const canSend = s === "ESTABLISHED" || s === "CLOSE_WAIT" || s === "FIN_WAIT_1" || s === "LAST_ACK";
    if (canSend && !this.finSent) {
      while (this.unsent > 0) {
        const room = this.sndWnd - seqDiff(this.sndNxt, this.sndUna);
        if (room <= 0) break;
        const n = Math.min(MSS, this.unsent, room);
        this.unsent -= n;
        this.sendInSequence(PSH | ACK, n);
      }
      if (this.unsent === 0 && this.closeQueued) {
        this.finSeq = this.sndNxt;
        this.finSent = true;
        this.sendInSequence(FIN | ACK, 0);
      }
    } else if (s === "FIN_WAIT_1" && !this.finSent && this.closeQueued) {
      this.finSeq = this.sndNxt;
      this.finSent = true;
      this.sendInSequence(FIN | ACK, 0);
    }
    if (this.ackNow) {
      this.ackNow = false;
      if (this.state !== "CLOSED" && this.state !== "LISTEN" && this.state !== "SYN_SENT") {
        this.host.transmit(this, ACK, this.sndNxt, this.rcvNxt, 0, false);
        this.ackSent();
      }
    }
  }

  /** An ACK is owed for data or a FIN: at once, or delayed (RFC 1122 §4.2.3.2). */
  private ackReceived(): void {
    const delay = this.host.timing.delayedAckMs;
    if (delay === 0 || ++this.unackedSegments >= 2) {
      // "in a stream of full-sized segments there SHOULD be an ACK for at least every second segment"
      this.ackNow = true;
      return;
    }
    if (this.delackAt === Infinity) this.delackAt = this.host.now + delay;
  }

  /** Whatever segment carried our current ACK settles any delayed one. */
  private ackSent(): void {
    this.delackAt = Infinity;
    this.unackedSegments = 0;
  }

  /** Sends a segment that occupies sequence space, queued for retransmission (RFC 6298 §5.1). */
  private sendInSequence(bits: number, len: number): void {
    const seq = this.sndNxt;
    const carriesAck = (bits & ACK) !== 0;
    this.host.transmit(this, bits, seq, carriesAck ? this.rcvNxt : 0, len, false);
    if (carriesAck) {
      this.ackNow = false;
      this.ackSent();
    }
    this.rtxq.push({ bits, seq, len, sentAt: this.host.now, retransmitted: false });
    this.sndNxt = seqAdd(seq, segmentLength(bits, len));
    if (this.rtxAt === Infinity) this.rtxAt = this.host.now + this.rto;
    if (this.userTimeoutAt === Infinity && this.rules.dataRetries === null) {
      this.userTimeoutAt = this.host.now + this.host.timing.userTimeoutMs;
    }
  }

  // ----------------------------------------------------------------- helpers

  /** SND.UNA advances to `ack`: drop what it covers from the retransmission queue. */
  private acknowledge(ack: number): void {
    this.sndUna = ack;
    let firstSentAt = -1;
    let retransmittedAcked = false;
    while (this.rtxq.length > 0) {
      const head = this.rtxq[0];
      if (!seqLe(seqAdd(head.seq, segmentLength(head.bits, head.len)), ack)) break;
      if (firstSentAt < 0) firstSentAt = head.sentAt;
      if (head.retransmitted) retransmittedAcked = true;
      this.rtxq.shift();
    }
    // RFC 6298 §2, §3 (Karn): the round trip of the oldest segment this ACK covers is a sample,
    // unless a segment it covers was retransmitted (Linux tcp_clean_rtx_queue does the same).
    // A sample recomputes the RTO, "collapsing" any backoff (§5); without one the backed-off
    // RTO stays. Either way the retries start again (Linux icsk_retransmits = 0).
    if (firstSentAt >= 0 && !retransmittedAcked) {
      this.rto = Math.min(this.rtt.sample(this.host.now - firstSentAt, ack, this.sndNxt), this.rules.maxRtoMs);
    }
    this.retries = 0;
    // §5.2 / §5.3: stop the timer when nothing is outstanding, otherwise restart it.
    if (this.rtxq.length === 0) {
      this.rtxAt = Infinity;
      this.userTimeoutAt = Infinity;
    } else {
      this.rtxAt = this.host.now + this.rto;
      if (this.userTimeoutAt !== Infinity) this.userTimeoutAt = this.host.now + this.host.timing.userTimeoutMs;
    }
  }

  /** Owes an ACK in reply to an unacceptable segment, at most one per interval (RFC 5961 §7). */
  private challengeAck(): void {
    if (this.host.now - this.lastChallengeAt < CHALLENGE_ACK_INTERVAL_MS) return;
    this.lastChallengeAt = this.host.now;
    this.ackNow = true;
  }

  private ourFinAcked(): boolean {
    return this.finSent && seqGt(this.sndUna, this.finSeq);
  }

  private acceptQueueFull(): boolean {
    // Linux sk_acceptq_is_full: "ack_backlog > max_ack_backlog", so it holds backlog + 1.
    return this.acceptQueue + (this.inAcceptQueue ? 1 : 0) > this.backlog;
  }

  private onEstablished(): void {
    if (this.handshakeTimedOut && !this.rtt.sampled) {
      // RFC 6298 §5.7; Linux sets TCP_TIMEOUT_FALLBACK whatever the backoff, the RFC only raises it.
      this.rto = this.rules.rttEstimator === "linux" ? FALLBACK_RTO_MS : Math.max(this.rto, FALLBACK_RTO_MS);
    }
    if (this.closeAfterEstablished) {
      this.closeAfterEstablished = false;
      this.closeQueued = true;
      this.setState("FIN_WAIT_1", RULES["close/queued-in-handshake"]);
    }
  }

  private enterFinWait2(): void {
    this.setState("FIN_WAIT_2", RULES["fin-wait-1/ack"]);
    const timeout = this.rules.finWait2TimeoutMs;
    if (timeout !== null && this.appClosed) this.finWait2At = this.host.now + timeout;
  }

  private enterTimeWait(rule: RuleTo<"TIME_WAIT">): void {
    const ms = this.rules.timeWaitMs;
    if (ms === null) {
      // The FIN is still acknowledged: only the waiting afterwards is skipped.
      if (this.ackNow) this.host.transmit(this, ACK, this.sndNxt, this.rcvNxt, 0, false);
      this.deleteTcb(RULES["no-time-wait/skip"]);
      return;
    }
    this.stopTimers();
    this.setState("TIME_WAIT", rule);
    this.timeWaitAt = this.host.now + ms;
  }

  private restartTimeWait(): void {
    const ms = this.rules.timeWaitMs;
    if (ms !== null) this.timeWaitAt = this.host.now + ms;
  }

  private stopTimers(): void {
    // Setting an array's length is a call into the runtime, even to the length it has.
    if (this.rtxq.length > 0) this.rtxq.length = 0;
    this.rtxAt = Infinity;
    this.userTimeoutAt = Infinity;
    this.finWait2At = Infinity;
    this.rto = this.host.timing.rtoMs;
    this.retries = 0;
  }

  private resetConnection(): void {
    this.stopTimers();
    this.shutDown = false;
    this.unread = 0;
    this.rtt.reset();
    this.handshakeTimedOut = false;
    this.timeWaitAt = Infinity;
    if (this.held.length > 0) this.held.length = 0;
    this.unsent = 0;
    this.closeQueued = false;
    this.closeAfterEstablished = false;
    this.finSent = false;
    this.ackNow = false;
    this.ackSent();
    this.inAcceptQueue = false;
  }

  private deleteTcb(rule: RuleTo<"CLOSED">): void {
    this.resetConnection();
    this.appClosed = false;
    this.setState("CLOSED", rule);
  }

  private returnToListen(rule: RuleTo<"LISTEN">): void {
    this.resetConnection();
    this.setState("LISTEN", rule);
  }

  private chooseIss(): number {
    const now = this.host.now;
    if (this.opens++ === 0) {
      this.firstOpenAt = now;
      return this.isn;
    }
    return seqAdd(this.isn, (now - this.firstOpenAt) * ISN_TICKS_PER_MS);
  }

  /**
   * The one place the state changes: the table must allow it, and the trace records its
   * rule. Callers name the rule as RULES["id"], resolved where it is written: a lookup by
   * id here would cost a keyed property load on every transition.
   */
  private setState<S extends State>(to: S, rule: RuleTo<NoInfer<S>>): void {
    const from = this.state;
    if (from === to) return;
    checkTransition(from, to, rule);
    this.state = to;
    this.host.stateChanged(this, from, to, rule);
  }
}

/**
 * RFC 9293 §3.10.7.4, first step: the four cases of segment acceptability.
 *   SEG.LEN = 0, RCV.WND = 0: SEG.SEQ = RCV.NXT
 *   SEG.LEN = 0, RCV.WND > 0: RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
 *   SEG.LEN > 0, RCV.WND = 0: not acceptable
 *   SEG.LEN > 0, RCV.WND > 0: the first or the last byte of the segment is in the window
 */
export function acceptable(seq: number, seglen: number, rcvNxt: number, rcvWnd: number): boolean {
  if (seglen === 0) return rcvWnd === 0 ? seq === rcvNxt : inWindow(seq, rcvNxt, rcvWnd);
  if (rcvWnd === 0) return false;
  return inWindow(seq, rcvNxt, rcvWnd) || inWindow(seqAdd(seq, seglen - 1), rcvNxt, rcvWnd);
}

/**
 * RCV.NXT =< n < RCV.NXT+RCV.WND. A function of its own, not a closure made on every segment
 * (under tsx each closure also gets its name defined, which cost a quarter of a run).
 */
function inWindow(n: number, rcvNxt: number, rcvWnd: number): boolean {
  return seqLe(rcvNxt, n) && seqLt(n, seqAdd(rcvNxt, rcvWnd));
}
