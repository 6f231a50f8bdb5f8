// The attempt page's web vitals in a real browser while the class of tests/bench/load.ts takes
// the exam: a headless Chromium opens the page as one more student, from a cold cache, and reads
// the browser's own performance entries (no Lighthouse): LCP ('largest-contentful-paint'), INP
// ('event' entries of at least 16 ms and 'first-input', over a few real interactions made through
// Playwright), TTFB and DOMContentLoaded (the navigation entry), and the page's weight (the
// navigation and resource entries' transferSize and decodedBodySize). Each sample is a student of
// its own whose attempt was started before the class, so every sample sees the same untouched
// page, and none of them is one of the attempts the bench checks afterwards.
import { chromium, type Browser, type Page } from "@playwright/test";

export type WeightPart = "html" | "scripts" | "styles" | "other";
export const WEIGHT_PARTS: readonly WeightPart[] = ["html", "scripts", "styles", "other"];

/** The fields of a PerformanceNavigationTiming or PerformanceResourceTiming the weight is made of. */
export interface WeightEntry {
  entryType: string;
  name: string;
  initiatorType: string;
  transferSize: number;
  decodedBodySize: number;
}

export interface WeightTotals {
  requests: number;
  /** Bytes over the wire, headers included (0 for what came from the cache). */
  transfer: number;
  /** Bytes of the bodies once decompressed. */
  decoded: number;
}

export interface PageWeight extends WeightTotals {
  parts: Record<WeightPart, WeightTotals>;
}

/** Which part of the page an entry is: the document, a script, a style sheet, or anything else. */
export function partOf(entry: WeightEntry): WeightPart {
  if (entry.entryType === "navigation") return "html";
  let path: string;
  try {
    path = new URL(entry.name).pathname;
  } catch {
    path = entry.name;
  }
  if (/\.m?js$/i.test(path) || entry.initiatorType === "script") return "scripts";
  if (/\.css$/i.test(path) || entry.initiatorType === "css") return "styles";
  return "other";
}

/** The page's weight from its navigation and resource entries, split by part. */
export function pageWeight(entries: readonly WeightEntry[]): PageWeight {
  const zero = (): WeightTotals => ({ requests: 0, transfer: 0, decoded: 0 });
  const parts = { html: zero(), scripts: zero(), styles: zero(), other: zero() };
  const total = zero();
  for (const e of entries) {
    for (const t of [parts[partOf(e)], total]) {
      t.requests++;
      t.transfer += e.transferSize;
      t.decoded += e.decodedBodySize;
    }
  }
  return { ...total, parts };
}

/** The fields of a PerformanceEventTiming that INP is made of. */
export interface EventEntry {
  interactionId: number;
  duration: number;
}

/**
 * INP from a page's event entries: each interaction's longest event, then the worst
 * interaction, but for one per 50 interactions ignored as outliers (as Chromium's and the
 * web-vitals library's INP do). `interactionCount`: every interaction the page had
 * (performance.interactionCount), those quicker than the entries' threshold too; by default
 * those in the entries. Null when no interaction reached the threshold.
 */
export function interactionToNextPaint(entries: readonly EventEntry[], interactionCount?: number): number | null {
  const longest = new Map<number, number>();
  for (const e of entries) {
    if (!e.interactionId) continue; // not part of an interaction (a mouseover, a scroll)
    longest.set(e.interactionId, Math.max(longest.get(e.interactionId) ?? 0, e.duration));
  }
  if (longest.size === 0) return null;
  const worstFirst = [...longest.values()].sort((a, b) => b - a);
  return worstFirst[Math.min(worstFirst.length - 1, Math.floor(Math.max(interactionCount ?? 0, longest.size) / 50))];
}

export interface VitalsSample {
  label: string;
  /** Seconds after the class's first start the sample began (null: before the class). */
  at: number | null;
  ttfbMs: number | null;
  domContentLoadedMs: number | null;
  lcpMs: number | null;
  /** The largest contentful paint's element, e.g. `h1`. */
  lcpElement: string | null;
  /** Null with interactions made: none reached the 16 ms of the entries' threshold. */
  inpMs: number | null;
  /** The interactions the browser counted (performance.interactionCount). */
  interactions: number;
  /** What was done on the page, and what could not be (no such control, or a timeout). */
  done: string[];
  weight: PageWeight | null;
  error: string | null;
}

/**
 * Installed before any of the page's own scripts: observers of the entries that are not in the
 * performance timeline's buffer for later reading ('event' ones) or that should not be missed.
 * A string, run as it is: a function passed to the browser would carry what the transpiler adds to it (its `__name` calls).
 */
const OBSERVE = `(() => {
  const store = { lcp: [], events: [], firstInput: [] };
  window.__benchVitals = store;
  const describe = (el) => (el ? el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") : null);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) store.lcp.push({ startTime: e.startTime, element: describe(e.element) });
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) store.events.push({ name: e.name, interactionId: e.interactionId, duration: e.duration });
  }).observe({ type: "event", buffered: true, durationThreshold: 16 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) store.firstInput.push({ name: e.name, interactionId: e.interactionId, duration: e.duration });
  }).observe({ type: "first-input", buffered: true });
})();`;

/** The page has hydrated: React has attached itself to the question navigator's links. */
const HYDRATED = `(() => {
  const a = document.querySelector('nav a[href^="#question-"]');
  return !!a && Object.keys(a).some((k) => k.startsWith("__reactFiber"));
})()`;

const ENTRIES = `[...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => ({
  entryType: e.entryType, name: e.name, initiatorType: e.initiatorType, transferSize: e.transferSize, decodedBodySize: e.decodedBodySize,
}))`;

const NAVIGATION = `(() => {
  const n = performance.getEntriesByType("navigation")[0];
  return n ? { ttfb: n.responseStart - n.startTime, dcl: n.domContentLoadedEventStart - n.startTime } : null;
})()`;

/** Event entries are queued after the next paint, and observers called after that: two frames and a little. */
const SETTLE = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))`;

const READ = `(() => ({ ...window.__benchVitals, interactionCount: performance.interactionCount ?? 0 }))()`;

interface Observed {
  lcp: { startTime: number; element: string | null }[];
  events: (EventEntry & { name: string })[];
  firstInput: (EventEntry & { name: string })[];
  interactionCount: number;
}

/** A few things a student does on the page, each one or more interactions; any one missing is noted, not fatal. */
async function interact(page: Page, until: number, done: string[]): Promise<void> {
  const timeout = () => Math.max(1000, Math.min(10_000, until - Date.now()));
  const attempt = async (what: string, fn: () => Promise<boolean>) => {
    try {
      done.push((await fn()) ? what : `${what}: no such control`);
    } catch (error) {
      done.push(`${what}: ${(error as Error).message.split("\n")[0]}`);
    }
  };
  await attempt("chose an answer", async () => {
    const radio = page.locator("main section input[type=radio]");
    if (await radio.count()) {
      await radio.first().check({ timeout: timeout() });
      return true;
    }
    // A sequence of states: the palette's first button adds one.
    const palette = page.locator("main section [role=group] button[aria-label]");
    if (!(await palette.count())) return false;
    await palette.first().click({ timeout: timeout() });
    return true;
  });
  await attempt("typed in a field", async () => {
    const field = page.locator("main section input[inputmode=numeric], main section input:not([type]), main section input[type=text]");
    if (!(await field.count())) return false;
    await field.first().click({ timeout: timeout() });
    await field.first().pressSequentially("120", { delay: 80, timeout: timeout() });
    return true;
  });
  await attempt("went to the last question in the navigator", async () => {
    const links = page.locator('nav a[href^="#question-"]');
    if (!(await links.count())) return false;
    await links.last().click({ timeout: timeout() });
    await links.first().click({ timeout: timeout() });
    return true;
  });
}

/** A sample with nothing measured yet; `error`: why nothing will be. */
export function emptySample(label: string, at: number | null, error: string | null): VitalsSample {
  return {
    label,
    at,
    ttfbMs: null,
    domContentLoadedMs: null,
    lcpMs: null,
    lcpElement: null,
    inpMs: null,
    interactions: 0,
    done: [],
    weight: null,
    error,
  };
}

export class VitalsProbe {
  private constructor(private readonly browser: Browser) {}

  /** `executablePath`: undefined for Playwright's own Chromium. */
  static async launch(executablePath: string | undefined): Promise<VitalsProbe> {
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
    });
    return new VitalsProbe(browser);
  }

  /** Opens `url` with the session `cookie` (`name=value`) in a new, empty context; gives up at `until` (ms since the epoch). */
  async sample(url: string, cookie: string, label: string, at: number | null, until: number): Promise<VitalsSample> {
    const sample = emptySample(label, at, null);
    const eq = cookie.indexOf("=");
    const context = await this.browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
    try {
      await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: new URL(url).origin }]);
      await context.addInitScript({ content: OBSERVE });
      const page = await context.newPage();
      const left = () => Math.max(1000, until - Date.now());
      const response = await page.goto(url, { waitUntil: "load", timeout: left() });
      if (!response?.ok()) throw new Error(`the attempt page answered HTTP ${response?.status() ?? "nothing"}`);
      const nav = (await page.evaluate(NAVIGATION)) as { ttfb: number; dcl: number } | null;
      sample.ttfbMs = nav?.ttfb ?? null;
      sample.domContentLoadedMs = nav?.dcl ?? null;
      // Polled from here: Playwright's own polling evaluates the predicate in the page, which the CSP forbids.
      while (!(await page.evaluate(HYDRATED))) {
        if (Date.now() > until) throw new Error("the page did not hydrate in time");
        await page.waitForTimeout(50);
      }
      // The weight once the page has settled (what hydration fetches, the router's prefetches,
      // is in it; nothing new for a second, 5 s at most), before the interactions, whose saves are not the page's.
      let entries = (await page.evaluate(ENTRIES)) as WeightEntry[];
      for (const settleBy = Math.min(until, Date.now() + 5000); Date.now() < settleBy;) {
        await page.waitForTimeout(1000);
        const now = (await page.evaluate(ENTRIES)) as WeightEntry[];
        if (now.length === entries.length) break;
        entries = now;
      }
      sample.weight = pageWeight(entries);
      await interact(page, until, sample.done);
      await page.evaluate(SETTLE);
      const seen = (await page.evaluate(READ)) as Observed;
      const lcp = seen.lcp.at(-1);
      sample.lcpMs = lcp?.startTime ?? null;
      sample.lcpElement = lcp?.element ?? null;
      sample.inpMs = interactionToNextPaint([...seen.events, ...seen.firstInput], seen.interactionCount);
      sample.interactions = seen.interactionCount;
    } catch (error) {
      sample.error = (error as Error).message.split("\n")[0];
    } finally {
      await context.close().catch(() => undefined);
    }
    return sample;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** When the samples during the class begin: spread over the starts, the first with the first start. */
export function sampleTimes(begin: number, withinSeconds: number, samples: number): number[] {
  if (samples <= 1) return [begin];
  return Array.from({ length: samples }, (_, k) => begin + Math.round((k * withinSeconds * 1000) / (samples - 1)));
}

const n = (x: number | null, digits = 0) => (x === null ? "–" : x.toFixed(digits));
const kb = (bytes: number) => (bytes / 1024).toFixed(bytes >= 10 * 1024 ? 0 : 1);
const split = (w: PageWeight, field: "transfer" | "decoded") =>
  `${kb(w[field])} (${WEIGHT_PARTS.map((p) => kb(w.parts[p][field])).join(" / ")})`;

function percentile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The table's lines, Markdown as the bench's other tables: each sample, then p50 and max of those during the class. */
export function vitalsTable(samples: readonly VitalsSample[]): string[] {
  const lines = [
    "| sample | at s | TTFB ms | DOMContentLoaded ms | LCP ms (element) | INP ms (interactions) | requests (HTML / scripts / styles / other) | transferred KB (HTML / scripts / styles / other) | decoded KB (same) |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const s of samples) {
    const w = s.weight;
    const inp = s.inpMs === null ? (s.interactions ? "< 16" : "–") : n(s.inpMs);
    lines.push(
      `| ${s.label}${s.error ? ` (failed: ${s.error})` : ""} | ${n(s.at, 1)} | ${n(s.ttfbMs)} | ${n(s.domContentLoadedMs)} | ` +
        `${n(s.lcpMs)}${s.lcpElement ? ` (${s.lcpElement})` : ""} | ${inp} (${s.interactions}) | ` +
        `${w ? `${w.requests} (${WEIGHT_PARTS.map((p) => w.parts[p].requests).join(" / ")})` : "–"} | ` +
        `${w ? split(w, "transfer") : "–"} | ${w ? split(w, "decoded") : "–"} |`,
    );
  }
  const during = samples.filter((s) => s.at !== null && !s.error);
  if (during.length > 1) {
    const of = (f: (s: VitalsSample) => number | null) => during.map(f).filter((x): x is number => x !== null);
    const pair = (f: (s: VitalsSample) => number | null) => `${n(percentile(of(f), 50))} / ${n(percentile(of(f), 100))}`;
    lines.push(
      `| during the class, p50 / max | | ${pair((s) => s.ttfbMs)} | ${pair((s) => s.domContentLoadedMs)} | ${pair((s) => s.lcpMs)} | ` +
        `${pair((s) => s.inpMs)} | | | |`,
    );
  }
  return lines;
}
