// The kernel check's cases: what each side's program does on the real kernel, what
// the relay loses, and the same story as an engine scenario (profile linux), or why
// the engine cannot tell it yet. Times are ms from the start of the run.
import type { ScenarioInput } from "../../lib/tcp";

export const CLIENT_ADDRESS = "10.77.0.1";
export const SERVER_ADDRESS = "10.77.0.2";
export const CLIENT_PORT = 40000;
export const SERVER_PORT = 5000;
/** One-way latency the relay adds, and the engine's latencyMs. */
export const LATENCY_MS = 50;

/** A socket call in a side's program (see actor.py). */
export interface Step {
  at: number;
  call: "listen" | "connect" | "accept" | "send" | "read" | "shutdown" | "close" | "abort";
  sock?: string;
  [key: string]: unknown;
}

export interface Drop {
  from: "client" | "server";
  flags: string;
  /** Only the n-th matching segment; absent: every one. */
  occurrence?: number;
  /** Our connection's segments (default), or only the other clients'. */
  of?: "ours" | "others";
}

export interface KernelCase {
  name: string;
  /** One line: what happens. */
  story: string;
  untilMs: number;
  client: Step[];
  server: Step[];
  drops?: Drop[];
  sysctls?: { client?: Record<string, string | number>; server?: Record<string, string | number> };
  /**
   * What the engine's scenario needs besides what is derived (profile linux, the relay's
   * latency and losses, the calls of our connection at the times the programs made them,
   * untilMs), or why the engine cannot tell this case.
   */
  engine: Pick<ScenarioInput, "endpoints"> | { notModelled: string };
  /** A difference this case is known to show because the engine simplifies on purpose, and its cause. */
  expected?: string;
  /** A difference whose cause is known and which the engine's linux profile should fix. */
  cause?: string;
}

const listen = (at: number, backlog = 128): Step => ({ at, call: "listen", sock: "L", address: SERVER_ADDRESS, backlog });
const accept = (at: number, sock = "s"): Step => ({ at, call: "accept", from: "L", sock });
const connect = (at: number, sock = "s", localPort = CLIENT_PORT): Step => ({
  at,
  call: "connect",
  sock,
  address: CLIENT_ADDRESS,
  peer: SERVER_ADDRESS,
  localPort,
});
const call = (at: number, name: Step["call"], extra: Partial<Step> = {}): Step => ({ at, call: name, sock: "s", ...extra });
const others = (n: number, at: number): Step[] => Array.from({ length: n }, (_, i) => connect(at, `o${i + 1}`, CLIENT_PORT + 1 + i));

const TIME_WAIT_RUN = 64_000;

export const CASES: KernelCase[] = [
  {
    name: "client-closes-first",
    story: "handshake, 100 bytes, the client closes first, TIME_WAIT to the end",
    untilMs: TIME_WAIT_RUN,
    client: [connect(10), call(500, "send", { bytes: 100 }), call(1000, "close")],
    server: [listen(0), accept(200), call(1100, "read"), call(1200, "close")],
    engine: {},
  },
  {
    name: "server-closes-first",
    story: "handshake, the server closes first",
    untilMs: TIME_WAIT_RUN,
    client: [connect(10), call(800, "close")],
    server: [listen(0), accept(200), call(500, "close")],
    engine: {},
  },
  {
    name: "lost-syn",
    story: "the first SYN is lost; the retransmitted SYN opens the connection",
    untilMs: 3000,
    client: [connect(10)],
    server: [listen(0), accept(100)],
    drops: [{ from: "client", flags: "SYN", occurrence: 1 }],
    engine: {},
  },
  {
    name: "lost-syn-ack",
    story: "the first SYN-ACK is lost",
    untilMs: 3000,
    client: [connect(10)],
    server: [listen(0), accept(100)],
    drops: [{ from: "server", flags: "SYN+ACK", occurrence: 1 }],
    engine: {},
    expected:
      "a race: the client's retransmitted SYN reaches the server just as its SYN-ACK timer is due (both 1 s after the lost SYN-ACK); when the timer fires first, by the scheduling jitter, Linux sends the SYN-ACK twice; the engine lets the arrival come first and sends it once",
  },
  {
    name: "lost-final-ack",
    story: "the handshake's last ACK is lost; the server retransmits its SYN-ACK",
    untilMs: 3000,
    client: [connect(10)],
    server: [listen(0), accept(100)],
    drops: [{ from: "client", flags: "ACK", occurrence: 1 }],
    engine: {},
  },
  {
    name: "lost-fin",
    story: "the client's FIN is lost and retransmitted",
    untilMs: 5000,
    client: [connect(10), call(500, "close")],
    server: [listen(0), accept(200), call(3000, "close")],
    drops: [{ from: "client", flags: "FIN+ACK", occurrence: 1 }],
    engine: {},
  },
  {
    name: "lost-last-ack",
    story: "the client closes first; its last ACK is lost and the server retransmits its FIN",
    untilMs: 5000,
    client: [connect(10), call(500, "close")],
    server: [listen(0), accept(200), call(700, "close")],
    drops: [{ from: "client", flags: "ACK", occurrence: 2 }],
    engine: {},
  },
  {
    name: "refused",
    story: "nobody listens: the SYN is answered with RST+ACK",
    untilMs: 1000,
    client: [connect(10)],
    server: [],
    engine: {},
  },
  {
    name: "simultaneous-close",
    story: "both sides close at the same moment: FIN_WAIT_1 → CLOSING → TIME_WAIT on both",
    untilMs: TIME_WAIT_RUN,
    client: [connect(10), call(500, "close")],
    server: [listen(0), accept(200), call(500, "close")],
    engine: {},
  },
  {
    name: "half-close-shutdown",
    story: "the client shuts down its sending side, then still receives 100 bytes, then the server closes",
    untilMs: TIME_WAIT_RUN,
    client: [connect(10), call(500, "shutdown"), call(900, "read"), call(1100, "close")],
    server: [listen(0), accept(200), call(700, "send", { bytes: 100 }), call(1000, "close")],
    engine: {},
  },
  {
    name: "data-after-close",
    story: "the client closes; the server then sends data, which the orphaned client answers with RST",
    untilMs: 3000,
    client: [connect(10), call(500, "close")],
    server: [listen(0), accept(200), call(700, "send", { bytes: 100 })],
    engine: {},
  },
  {
    name: "close-with-unread-data",
    story: "the server sends 100 bytes the client never reads; the client's close sends RST, not FIN",
    untilMs: 3000,
    client: [connect(10), call(1000, "close")],
    server: [listen(0), accept(200), call(500, "send", { bytes: 100 })],
    // The client's program never reads: the engine's application reads only at read calls.
    engine: { endpoints: { client: { autoRead: false } } },
  },
  {
    name: "full-accept-queue",
    story: "backlog 2 and three connections waiting for accept(): the client's SYNs are dropped until one is accepted at 2.5 s",
    untilMs: 6000,
    client: [...others(3, 0), connect(300)],
    server: [listen(0, 2), accept(2500, "a1")],
    engine: {
      endpoints: { server: { backlog: 2, acceptQueue: 3 } },
    },
  },
  {
    name: "full-syn-queue",
    story:
      "backlog 4 and four half-open connections (their SYN-ACKs lost): the queue holds backlog + 1, so the client's SYN is still answered",
    untilMs: 20_000,
    client: [...others(4, 0), connect(300)],
    server: [listen(0, 4)],
    drops: [{ from: "server", flags: "SYN+ACK", of: "others" }],
    engine: {
      endpoints: { server: { backlog: 4, synQueue: 4 } },
    },
  },
  {
    name: "full-syn-queue-plus-one",
    story: "backlog 4 and five half-open connections: now the client's SYNs are dropped",
    untilMs: 20_000,
    client: [...others(5, 0), connect(300)],
    server: [listen(0, 4)],
    drops: [{ from: "server", flags: "SYN+ACK", of: "others" }],
    engine: {
      endpoints: { server: { backlog: 4, synQueue: 5 } },
    },
  },
  {
    name: "syn-give-up",
    story: "every SYN is lost; the client gives up (default tcp_syn_retries 6)",
    untilMs: 140_000,
    client: [connect(10)],
    server: [listen(0)],
    drops: [{ from: "client", flags: "SYN" }],
    engine: {},
  },
  {
    name: "syn-give-up-lowered",
    story: "every SYN is lost; tcp_syn_retries 2 and tcp_syn_linear_timeouts 0 on the client",
    untilMs: 10_000,
    client: [connect(10)],
    server: [listen(0)],
    drops: [{ from: "client", flags: "SYN" }],
    sysctls: { client: { "net.ipv4.tcp_syn_retries": 2, "net.ipv4.tcp_syn_linear_timeouts": 0 } },
    engine: {},
  },
  {
    name: "fin-wait-2-timeout",
    story: "the client closes, the server never does: the orphaned FIN_WAIT_2 ends after tcp_fin_timeout (60 s)",
    untilMs: TIME_WAIT_RUN,
    client: [connect(10), call(500, "close")],
    server: [listen(0), accept(200)],
    engine: {},
  },
  {
    name: "fin-wait-2-timeout-lowered",
    story: "as above with tcp_fin_timeout 5 on the client",
    untilMs: 8000,
    client: [connect(10), call(500, "close")],
    server: [listen(0), accept(200)],
    sysctls: { client: { "net.ipv4.tcp_fin_timeout": 5 } },
    engine: {},
  },
];
