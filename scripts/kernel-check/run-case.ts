// Runs one case on the real kernel: two network namespaces joined by TUN devices and
// the relay, each side's program run with `ip netns exec`, then everything removed.
import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { clientStates, parseRelayLog, serverStates, type PolledState } from "../../lib/kernel-check/kernel-log";
import { relativeSegments, type RelativeSegment, type StateChange } from "../../lib/kernel-check/segments";
import { CLIENT_ADDRESS, CLIENT_PORT, LATENCY_MS, SERVER_ADDRESS, SERVER_PORT, type Drop, type KernelCase } from "./cases";

const run = promisify(execFile);
const TUN = "kct";
const ACTOR = join(import.meta.dirname, "actor.py");
/**
 * The relay and the programs run under SCHED_FIFO: they sleep almost all the time, and
 * on a busy machine an ordinary process can wake tens of milliseconds late, which would
 * show up as latency the engine does not have.
 */
const REALTIME_PRIORITY = 10;

/** Every run sets these on both sides, so segments carry no options the engine lacks. */
export const BASE_SYSCTLS: Record<string, number> = {
  "net.ipv4.tcp_timestamps": 0,
  "net.ipv4.tcp_sack": 0,
  "net.ipv4.tcp_window_scaling": 0,
  "net.ipv4.tcp_ecn": 0,
  "net.ipv4.tcp_syncookies": 0,
  "net.ipv6.conf.all.disable_ipv6": 1,
};

export interface KernelRun {
  segments: RelativeSegment[];
  client: StateChange[];
  server: StateChange[];
  /** Calls that failed, as the programs saw them ("client connect: Connection refused"). */
  callErrors: string[];
  /** When each step of each side's program was actually made (ms), in step order; null where the call failed. */
  callTimes: { client: (number | null)[]; server: (number | null)[] };
}

const WIRE_BITS: Record<string, number> = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16 };

/** A drop as the relay's rule argument: SIDE,FLAGS,OCCURRENCE,PORT. */
export function relayRule(drop: Drop): string {
  const bits = drop.flags.split("+").reduce((sum, f) => sum | WIRE_BITS[f], 0);
  const port = drop.of === "others" ? -CLIENT_PORT : CLIENT_PORT;
  return `${drop.from === "client" ? "A" : "B"},${bits},${drop.occurrence ?? 0},${port}`;
}

async function sh(...args: string[]): Promise<void> {
  await run(args[0], args.slice(1));
}

async function netns(name: string, address: string, peer: string, sysctls: Record<string, string | number>): Promise<void> {
  await sh("ip", "netns", "add", name);
  await sh("ip", "-n", name, "tuntap", "add", "dev", TUN, "mode", "tun");
  await sh("ip", "-n", name, "addr", "add", address, "peer", peer, "dev", TUN);
  await sh("ip", "-n", name, "link", "set", TUN, "up");
  await sh("ip", "-n", name, "link", "set", "lo", "up");
  const settings = Object.entries({ ...BASE_SYSCTLS, ...sysctls }).map(([k, v]) => `${k}=${v}`);
  await sh("ip", "netns", "exec", name, "sysctl", "-q", "-w", ...settings);
}

interface ActorOutput {
  calls: { t: number; call: string; error?: string }[];
  states: PolledState[];
}

interface Actor {
  ready: Promise<void>;
  /** Sends the start time and resolves with what the program saw. */
  go(start: number): Promise<ActorOutput>;
}

function actor(ns: string, plan: object): Actor {
  const child = spawn("chrt", ["-f", String(REALTIME_PRIORITY), "ip", "netns", "exec", ns, "python3", ACTOR], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const done = new Promise<ActorOutput>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the program in ${ns} failed (${code}): ${err.trim()}`));
      resolve(JSON.parse(out.slice(out.indexOf("\n") + 1)));
    });
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      if (out.startsWith("ready\n")) resolve();
    });
    done.catch(reject);
  });
  child.stdin.write(JSON.stringify(plan) + "\n");
  return {
    ready,
    go(start) {
      child.stdin.end(`${start}\n`);
      return done;
    },
  };
}

/** Runs a case in namespaces kc<slot>-a (client) and kc<slot>-b (server). */
export async function runOnKernel(relay: string, slot: number, c: KernelCase, keep?: string): Promise<KernelRun> {
  const a = `kc${slot}-a`;
  const b = `kc${slot}-b`;
  const dir = await mkdtemp(join(tmpdir(), "kernel-check-"));
  const log = join(dir, "relay.log");
  await Promise.all([run("ip", ["netns", "del", a]).catch(() => {}), run("ip", ["netns", "del", b]).catch(() => {})]);
  let relayProcess: ReturnType<typeof spawn> | null = null;
  try {
    await netns(a, CLIENT_ADDRESS, SERVER_ADDRESS, c.sysctls?.client ?? {});
    await netns(b, SERVER_ADDRESS, CLIENT_ADDRESS, c.sysctls?.server ?? {});
    const rules = (c.drops ?? []).map(relayRule);
    const proc = spawn("chrt", ["-f", String(REALTIME_PRIORITY + 1), relay, a, b, TUN, String(LATENCY_MS * 1000), log, ...rules], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    relayProcess = proc;
    await new Promise<void>((resolve, reject) => {
      proc.stdout?.once("data", () => resolve());
      proc.once("exit", (code) => reject(new Error(`the relay exited (${code})`)));
    });
    const common = { untilMs: c.untilMs, port: SERVER_PORT };
    const clientActor = actor(a, { ...common, steps: c.client });
    const serverActor = actor(b, { ...common, steps: c.server });
    await Promise.all([clientActor.ready, serverActor.ready]);
    // Both programs count from the same moment, far enough ahead that a busy machine
    // delays neither past its first call (a late listen would turn a case into "refused").
    const start = Date.now() / 1000 + 0.5;
    const [client, server] = await Promise.all([clientActor.go(start), serverActor.go(start)]);
    proc.kill("SIGTERM");
    await new Promise((resolve) => proc.once("exit", resolve));
    relayProcess = null;
    const startNs = BigInt(Math.round(start * 1e6)) * 1000n;
    const relayLog = await readFile(log, "utf8");
    if (keep) {
      // The raw recording, for a unit test's fixture or a closer look.
      await mkdir(keep, { recursive: true });
      await writeFile(join(keep, `${c.name}.json`), JSON.stringify({ startNs: String(startNs), relayLog, client, server }, null, 1) + "\n");
    }
    const wire = parseRelayLog(relayLog, startNs, { clientPort: CLIENT_PORT, serverPort: SERVER_PORT });
    const clientSocket = `${CLIENT_ADDRESS}:${CLIENT_PORT} ${SERVER_ADDRESS}:${SERVER_PORT}`;
    const serverSocket = `${SERVER_ADDRESS}:${SERVER_PORT} ${CLIENT_ADDRESS}:${CLIENT_PORT}`;
    const callErrors = [
      ...client.calls.filter((x) => x.error).map((x) => `client ${x.call}: ${x.error}`),
      ...server.calls.filter((x) => x.error).map((x) => `server ${x.call}: ${x.error}`),
    ];
    return {
      // The programs' sockets close when they exit after untilMs; those segments are not part of the case.
      segments: relativeSegments(wire.filter((w) => w.t <= c.untilMs)),
      client: clientStates(client.states, clientSocket),
      server: serverStates(server.states, `${SERVER_ADDRESS}:${SERVER_PORT} 0.0.0.0:0`, serverSocket),
      callErrors,
      callTimes: {
        client: client.calls.map((x) => (x.error ? null : x.t)),
        server: server.calls.map((x) => (x.error ? null : x.t)),
      },
    };
  } finally {
    relayProcess?.kill("SIGTERM");
    await Promise.all([run("ip", ["netns", "del", a]).catch(() => {}), run("ip", ["netns", "del", b]).catch(() => {})]);
    await rm(dir, { recursive: true, force: true });
  }
}
