// `npm run verify:kernel [-- --only a,b] [--jobs N] [--write docs/kernel-check.md] [--keep DIR]`:
// the differential check. Runs each case on this machine's Linux kernel (two network
// namespaces and a relay) and in the engine's linux profile, and prints for each the
// segments and states of both and whether they agree. Linux and root only; not part
// of npm test.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { release, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { compareSegments, compareStates, DEFAULT_TOLERANCE, formatStates, segmentAnchors } from "../lib/kernel-check/compare";
import { formatSegment } from "../lib/kernel-check/segments";
import { CASES, type KernelCase } from "./kernel-check/cases";
import { runOnEngine } from "./kernel-check/engine-run";
import { runOnKernel, type KernelRun } from "./kernel-check/run-case";

const run = promisify(execFile);
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

async function preflight(): Promise<string | null> {
  if (process.platform !== "linux") return `the kernel check needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return "the kernel check needs root: it creates network namespaces and TUN devices (run it with sudo)";
  if (!existsSync("/dev/net/tun")) return "the kernel check needs /dev/net/tun (the tun module)";
  for (const [tool, hint] of [
    ["ip", "iproute2"],
    ["gcc", "gcc"],
    ["python3", "python3"],
  ]) {
    try {
      await run("sh", ["-c", `command -v ${tool}`]);
    } catch {
      return `the kernel check needs ${tool} (apt-get install ${hint})`;
    }
  }
  return null;
}

async function buildRelay(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kernel-check-relay-"));
  const out = join(dir, "relay");
  await run("gcc", ["-O2", "-Wall", "-o", out, join(import.meta.dirname, "kernel-check", "relay.c")]);
  return out;
}

interface Result {
  c: KernelCase;
  kernel: KernelRun;
  engine: ReturnType<typeof runOnEngine>;
  differences: string[];
  verdict: "agree" | "differ (expected)" | "DIFFER" | "engine: not modelled yet" | "kernel run failed";
}

function judge(c: KernelCase, kernel: KernelRun): Result {
  const engine = runOnEngine(c, kernel.callTimes);
  if (!engine) return { c, kernel, engine, differences: [], verdict: "engine: not modelled yet" };
  const anchors = segmentAnchors(kernel.segments, engine.segments);
  const differences = [
    ...compareSegments(kernel.segments, engine.segments),
    ...compareStates("client", kernel.client, engine.client, c.untilMs, DEFAULT_TOLERANCE, anchors),
    ...compareStates("server", kernel.server, engine.server, c.untilMs, DEFAULT_TOLERANCE, anchors),
  ];
  const verdict = differences.length === 0 ? "agree" : c.expected ? "differ (expected)" : "DIFFER";
  return { c, kernel, engine, differences, verdict };
}

const cell = (text: string) => text.replaceAll("|", "\\|");

function report(results: Result[], header: string): string {
  const lines = [header, "", "| case | verdict | why |", "|---|---|---|"];
  for (const r of results) {
    const why =
      r.verdict === "engine: not modelled yet" && "notModelled" in r.c.engine
        ? r.c.engine.notModelled
        : r.verdict === "agree"
          ? ""
          : r.verdict === "kernel run failed"
            ? r.differences[0].split("\n")[0]
            : (r.c.expected ?? r.c.cause ?? "not a known difference");
    lines.push(`| ${r.c.name} | ${r.verdict} | ${cell(why)} |`);
  }
  for (const r of results) {
    lines.push("", `### ${r.c.name}`, "", r.c.story + ".", "");
    lines.push("| | kernel | engine |", "|---|---|---|");
    const n = Math.max(r.kernel.segments.length, r.engine?.segments.length ?? 0);
    for (let i = 0; i < n; i++) {
      const k = r.kernel.segments[i];
      const e = r.engine?.segments[i];
      lines.push(`| ${i + 1} | ${k ? cell(formatSegment(k)) : ""} | ${e ? cell(formatSegment(e)) : r.engine ? "" : "—"} |`);
    }
    lines.push(`| client | ${formatStates(r.kernel.client)} | ${r.engine ? formatStates(r.engine.client) : "—"} |`);
    lines.push(`| server | ${formatStates(r.kernel.server)} | ${r.engine ? formatStates(r.engine.server) : "—"} |`);
    if (r.kernel.callErrors.length) lines.push("", `Calls that failed on the kernel: ${r.kernel.callErrors.join("; ")}.`);
    if (r.differences.length) lines.push("", "Differences:", "", ...r.differences.map((d) => `- ${d}`));
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const refusal = await preflight();
  if (refusal) {
    console.log(`verify:kernel skipped: ${refusal}.`);
    return;
  }
  const only = option("--only")?.split(",");
  const cases = only ? CASES.filter((c) => only.includes(c.name)) : CASES;
  if (only && cases.length !== only.length) {
    console.error(`unknown case; the cases are: ${CASES.map((c) => c.name).join(", ")}`);
    process.exit(2);
  }
  const jobs = Math.max(1, Number(option("--jobs") ?? 3));
  const relay = await buildRelay();
  const results: Result[] = new Array(cases.length);
  let next = 0;
  // A few cases at a time: each is mostly waiting for timers, but the machine is shared.
  await Promise.all(
    Array.from({ length: Math.min(jobs, cases.length) }, async (_, slot) => {
      while (next < cases.length) {
        const i = next++;
        try {
          results[i] = judge(cases[i], await runOnKernel(relay, slot, cases[i], option("--keep")));
        } catch (error) {
          const empty: KernelRun = { segments: [], client: [], server: [], callErrors: [], callTimes: { client: [], server: [] } };
          results[i] = { c: cases[i], kernel: empty, engine: null, differences: [String(error)], verdict: "kernel run failed" };
        }
        console.error(`${cases[i].name}: ${results[i].verdict}`);
      }
    }),
  );
  let hz = "";
  try {
    const config = await readFile(`/boot/config-${release()}`, "utf8");
    hz = config.match(/^CONFIG_HZ=(\d+)/m)?.[1] ?? "";
  } catch {
    // The kernel's build configuration is not always installed.
  }
  const header = `Kernel ${release()}${hz ? `, HZ=${hz}` : ""}; run ${new Date().toISOString()}; ${LATENCY_NOTE}`;
  const text = report(results, header);
  console.log(text);
  const target = option("--write");
  if (target) await writeFile(target, await withLastRun(target, text));
}

const LAST_RUN = "\n## Last run\n";

/** A file with a "## Last run" section (docs/kernel-check.md) keeps everything before it; any other file is replaced. */
async function withLastRun(target: string, text: string): Promise<string> {
  const before = existsSync(target) ? await readFile(target, "utf8") : "";
  const at = before.indexOf(LAST_RUN);
  return at < 0 ? text + "\n" : `${before.slice(0, at)}${LAST_RUN}\n${text}\n`;
}

const LATENCY_NOTE = "one-way latency 50 ms; relative seq/ack (from each side's SYN); times in ms from the start";

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
