// Trace events in words (lib/tcp/describe.ts), in English and Simplified Chinese, rendered
// the way the app renders them: the catalogs through next-intl, a missing message throws.
import { describe, expect, it } from "vitest";
import {
  callErrorText,
  describeEvent,
  renderLadder,
  ruleReason,
  signalText,
  simulate,
  type CallError,
  type ScenarioInput,
  type SignalId,
  type TimerName,
  type Trace,
  type TraceEvent,
} from "@/lib/tcp";
import { textIn } from "../i18n/render-in";

const en = textIn("en");
const zh = textIn("zh-CN");

const base = (over: Partial<ScenarioInput>): ScenarioInput => ({
  endpoints: { client: { isn: 100 }, server: { isn: 300 } },
  actions: [
    { at: 0, endpoint: "server", call: "listen" },
    { at: 10, endpoint: "client", call: "connect" },
  ],
  ...over,
});
const both = (e: TraceEvent) => [en(describeEvent(e)), zh(describeEvent(e))];
const described = (trace: Trace) => trace.events.map(both);

describe("describeEvent", () => {
  it("tells the three-way handshake of RFC 9293 Figure 6 (§3.5) event by event", () => {
    expect(described(simulate(base({})))).toEqual([
      ["the server's application calls listen()", "服务器的应用程序调用 listen()"],
      ["the server goes from CLOSED to LISTEN", "服务器从 CLOSED 进入 LISTEN"],
      ["the client's application calls connect()", "客户端的应用程序调用 connect()"],
      ["the client sends SYN seq=100", "客户端发送 SYN seq=100"],
      ["the client goes from CLOSED to SYN_SENT", "客户端从 CLOSED 进入 SYN_SENT"],
      ["the server receives SYN seq=100", "服务器收到 SYN seq=100"],
      ["the server sends SYN+ACK seq=300 ack=101", "服务器发送 SYN+ACK seq=300 ack=101"],
      ["the server goes from LISTEN to SYN_RECEIVED", "服务器从 LISTEN 进入 SYN_RECEIVED"],
      ["the client receives SYN+ACK seq=300 ack=101", "客户端收到 SYN+ACK seq=300 ack=101"],
      ["the client goes from SYN_SENT to ESTABLISHED", "客户端从 SYN_SENT 进入 ESTABLISHED"],
      ["the client sends ACK seq=101 ack=301", "客户端发送 ACK seq=101 ack=301"],
      ["the server receives ACK seq=101 ack=301", "服务器收到 ACK seq=101 ack=301"],
      ["the server goes from SYN_RECEIVED to ESTABLISHED", "服务器从 SYN_RECEIVED 进入 ESTABLISHED"],
    ]);
  });

  it("tells a loss, the retransmission timer and the retransmission (RFC 6298 §5)", () => {
    const trace = simulate(base({ network: [{ match: { from: "client", flags: "SYN", occurrence: 1 }, effect: "drop" }] }));
    const lines = described(trace);
    expect(lines).toContainEqual(["SYN seq=100 from the client is lost", "客户端发出的 SYN seq=100 在网络中丢失"]);
    expect(lines).toContainEqual(["the client's retransmission timer expires", "客户端的重传定时器超时"]);
    expect(lines).toContainEqual(["the client sends SYN seq=100 (retransmission)", "客户端发送 SYN seq=100（重传）"]);
  });

  it("tells a refused call with the RFC's error (§3.10.4) and what a refused connection signals (§3.10.7.3)", () => {
    const trace = simulate(
      base({
        actions: [
          { at: 0, endpoint: "client", call: "close" },
          { at: 10, endpoint: "client", call: "connect" },
        ],
      }),
    );
    const lines = described(trace);
    expect(lines[0]).toEqual([
      "the client's application calls close(), refused: connection does not exist",
      "客户端的应用程序调用 close()，被拒绝：连接不存在",
    ]);
    expect(lines).toContainEqual([
      "the client's application is told: connection reset (refused by the peer)",
      "客户端的应用程序收到通知：连接被重置（被对端拒绝）",
    ]);
  });

  it("tells stray, delayed and duplicated segments (RFC 9293 Figure 8, §3.5)", () => {
    const trace = simulate(
      base({
        inject: [{ at: 5, to: "server", segment: { flags: "SYN", seq: 90 } }],
        network: [
          { match: { from: "client", flags: "SYN", occurrence: 1 }, effect: "delay", byMs: 100 },
          { match: { from: "server", flags: "SYN+ACK", occurrence: 1 }, effect: "duplicate", afterMs: 50 },
        ],
      }),
    );
    const lines = described(trace);
    expect(lines).toContainEqual([
      "the server receives SYN seq=90 (a stray segment from the network)",
      "服务器收到 SYN seq=90（一个来自网络的游离报文段）",
    ]);
    expect(lines).toContainEqual(["SYN seq=100 is delayed 100 ms", "SYN seq=100 被延迟100毫秒"]);
    expect(lines).toContainEqual([
      "SYN+ACK seq=300 ack=91 is duplicated; the copy arrives 50 ms later",
      "SYN+ACK seq=300 ack=91 被复制；副本在50毫秒后到达",
    ]);
  });

  it("tells a SYN dropped by a full SYN queue (profile linux), with the reason in words", () => {
    const trace = simulate(
      base({ profile: "linux", endpoints: { client: { isn: 100 }, server: { isn: 300, backlog: 1, synQueue: 2 } }, untilMs: 100 }),
    );
    expect(described(trace)).toContainEqual(["the server discards SYN seq=100: syn queue full", "服务器丢弃 SYN seq=100：半连接队列已满"]);
    const full: TraceEvent = { ...trace.events.find((e) => e.type === "drop")!, reason: "accept-queue-full" } as TraceEvent;
    expect(both(full)).toEqual(["the server discards SYN seq=100: accept queue full", "服务器丢弃 SYN seq=100：全连接队列已满"]);
  });

  it("tells the close, the peer's 'connection closing' (§3.10.7.4 eighth) and the TIME_WAIT timeout (§3.10.8)", () => {
    const trace = simulate(
      base({
        timing: { mslMs: 1000 },
        actions: [
          { at: 0, endpoint: "server", call: "listen" },
          { at: 10, endpoint: "client", call: "connect" },
          { at: 500, endpoint: "client", call: "close" },
          { at: 600, endpoint: "server", call: "close" },
        ],
      }),
    );
    const lines = described(trace);
    expect(lines).toContainEqual(["the server's application is told: connection closing", "服务器的应用程序收到通知：连接正在关闭"]);
    expect(lines).toContainEqual(["the client's TIME_WAIT (2*MSL) timer expires", "客户端的 TIME_WAIT（2*MSL）定时器超时"]);
    expect(lines.at(-1)).toEqual(["the client goes from TIME_WAIT to CLOSED", "客户端从 TIME_WAIT 进入 CLOSED"]);
  });

  it("marks a transient state change", () => {
    const e: TraceEvent = {
      t: 5,
      endpoint: "server",
      type: "state",
      from: "SYN_RECEIVED",
      to: "ESTABLISHED",
      transient: true,
      ruleId: "syn-received/ack",
      rule: "RFC 9293 §3.10.7.4",
      cause: 0,
    };
    expect(both(e)).toEqual([
      "the server goes from SYN_RECEIVED to ESTABLISHED (and on at once)",
      "服务器从 SYN_RECEIVED 进入 ESTABLISHED（并立即继续转换）",
    ]);
  });

  it("names every timer", () => {
    const timers: Record<TimerName, [string, string]> = {
      retransmit: ["the server's retransmission timer expires", "服务器的重传定时器超时"],
      "time-wait": ["the server's TIME_WAIT (2*MSL) timer expires", "服务器的 TIME_WAIT（2*MSL）定时器超时"],
      "fin-wait-2": ["the server's FIN_WAIT_2 timer expires", "服务器的 FIN_WAIT_2 定时器超时"],
      "user-timeout": ["the server's user timeout timer expires", "服务器的用户超时定时器到期"],
      "syn-queue": ["the server's SYN-queue timer expires", "服务器的半连接队列定时器超时"],
      "delayed-ack": ["the server's delayed-ACK timer expires", "服务器的延迟 ACK 定时器超时"],
    };
    for (const [timer, words] of Object.entries(timers)) {
      expect(both({ t: 0, endpoint: "server", type: "timer", timer: timer as TimerName })).toEqual(words);
    }
  });

  it("words every signal and every refused call's error", () => {
    const signals: Record<SignalId, [string, string]> = {
      "connection-reset": ["connection reset", "连接被重置"],
      "connection-reset-refused": ["connection reset (refused by the peer)", "连接被重置（被对端拒绝）"],
      "connection-reset-unread-data": ["connection reset (closed with unread data)", "连接被重置（关闭时仍有未读数据）"],
      "connection-reset-data-after-close": ["connection reset (data arrived after close)", "连接被重置（关闭后又收到数据）"],
      "connection-refused": ["connection refused", "连接被拒绝"],
      "connection-closing": ["connection closing", "连接正在关闭"],
      "connection-aborted-user-timeout": ["connection aborted due to user timeout", "连接因用户超时而中止"],
      "connection-timed-out": ["connection timed out", "连接超时"],
    };
    for (const [id, words] of Object.entries(signals))
      expect([en(signalText(id as SignalId)), zh(signalText(id as SignalId))]).toEqual(words);

    // RFC 9293 §3.10's error texts, word for word in English.
    const errors: Record<CallError, string> = {
      "connection does not exist": "连接不存在",
      "connection already exists": "连接已存在",
      "not listening": "未在监听",
      "no connection is waiting (accept would block)": "没有等待接受的连接（accept 会阻塞）",
      "foreign socket unspecified": "未指定远端套接字",
      "connection closing": "连接正在关闭",
    };
    for (const [error, chinese] of Object.entries(errors)) {
      expect([en(callErrorText(error as CallError)), zh(callErrorText(error as CallError))]).toEqual([error, chinese]);
    }
  });

  it("explains a state change by its rule, in the reader's language (RFC 9293 §3.10.7.2)", () => {
    const change = simulate(base({})).events.find((e) => e.type === "state" && e.to === "SYN_RECEIVED");
    expect(change?.type).toBe("state");
    if (change?.type !== "state") return;
    expect(en(ruleReason(change.ruleId))).toBe("A SYN arrived for the listener: answer SYN+ACK and wait for the ACK.");
    expect(zh(ruleReason(change.ruleId))).toBe("监听端收到一个 SYN：回复 SYN+ACK，并等待 ACK。");
  });
});

describe("renderLadder", () => {
  const trace = simulate(base({ network: [{ match: { from: "client", flags: "SYN", occurrence: 1 }, effect: "drop" }] }));

  it("draws the ladder in English by default", () => {
    const lines = renderLadder(trace).split("\n");
    expect(lines[0]).toMatch(/^ {4}t ms │ client +│ +│ server$/);
    expect(lines).toContain(`    1010 │ ◷ retransmit timer${" ".repeat(18)} │${" ".repeat(46)}│`);
    expect(lines.some((l) => l.includes("SYN seq=100 (rtx)"))).toBe(true);
    expect(lines.some((l) => l.includes(" SYN seq=100 LOST ") && l.includes("✕▶"))).toBe(true);
    expect(lines.at(-1)).toBe("final: client ESTABLISHED, server ESTABLISHED");
  });

  it("draws it in Chinese, with columns aligned for double-width characters", () => {
    const lines = renderLadder(trace, "zh-CN").split("\n");
    // "定时器：重传" is six characters two columns wide: 22 spaces fill the 36-column cell.
    expect(lines).toContain(`    1010 │ ◷ 定时器：重传${" ".repeat(22)} │${" ".repeat(46)}│`);
    expect(lines.at(-1)).toBe("最终：客户端 ESTABLISHED，服务器 ESTABLISHED");
  });
});
