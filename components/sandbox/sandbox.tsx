"use client";
// The scenario sandbox: build a scenario (or a template with parts the seed varies) in the
// builder or as JSON, run it through the engine (POST /api/v1/sandbox/simulate, the same
// route scripts call), and read the ladder, the trace with each rule and both state
// sequences. A link carries the template (`?s=`); people who may edit a bank take it to the
// question editor as a draft.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { buttonStyles } from "../ui";
import { Builder } from "./builder";
import { MakeQuestion, type EditableBank } from "./make-question";
import { EXAMPLE_IDS, EXAMPLES, pathText, shareHref, templateVaries, type ExampleId, type Issue, type Template } from "./model";
import { Results, type RunResult } from "./results";
import { callApi } from "../api-client";

const EXAMPLE_NAME = {
  handshake: "examples.handshake",
  "simultaneous-close": "examples.simultaneousClose",
  "lost-last-ack": "examples.lostLastAck",
  "old-duplicate-syn": "examples.oldDuplicateSyn",
} as const satisfies Record<ExampleId, string>;

type Tab = "builder" | "json";

const asTemplate = (value: unknown): Template | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Template) : null;

const MAX_SEED = 0xffff_ffff;

function randomSeed(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return buffer[0];
}

type Outcome = { kind: "run"; run: RunResult } | { kind: "issues"; issues: Issue[] } | { kind: "failed"; message: string | null };

/** POST /api/v1/sandbox/simulate: the run, or the problems (paths inside the scenario), or why it failed. */
async function simulate(scenario: Template, seed: number): Promise<Outcome> {
  const result = await callApi<RunResult>("POST", "/api/v1/sandbox/simulate", { scenario, seed });
  if (result.ok && result.data?.trace) return { kind: "run", run: result.data };
  if (!result.ok && result.status === 422 && result.issues.length)
    // The body's field is `scenario`; the builder's paths start inside it.
    return {
      kind: "issues",
      issues: result.issues.map((issue) => ({
        ...issue,
        path: issue.path[0] === "scenario" ? issue.path.slice(1) : issue.path,
      })) as Issue[],
    };
  return { kind: "failed", message: result.ok || result.status === 0 ? null : result.message || null };
}

export function Sandbox({
  initial,
  initialSeed,
  sharedUnreadable,
  banks,
}: {
  initial: Template | null;
  initialSeed: number | null;
  /** The page had a `?s=` that could not be read. */
  sharedUnreadable: boolean;
  banks: readonly EditableBank[];
}) {
  const t = useTranslations("sandbox");
  const id = useId();
  const [template, setTemplate] = useState<Template>(initial ?? EXAMPLES.handshake);
  const [jsonText, setJsonText] = useState(() => JSON.stringify(initial ?? EXAMPLES.handshake, null, 2));
  const [jsonError, setJsonError] = useState<"syntax" | "notObject" | null>(null);
  const [tab, setTab] = useState<Tab>("builder");
  const [seedText, setSeedText] = useState(String(initialSeed ?? 1));
  const [example, setExample] = useState<ExampleId>("handshake");
  const [issues, setIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [run, setRun] = useState<RunResult | null>(null);
  const [running, setRunning] = useState(true);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<"copied" | "manual" | null>(null);
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ builder: null, json: null });

  const varies = useMemo(() => templateVaries(template), [template]);
  const seed = /^\d+$/.test(seedText.trim()) && Number(seedText) <= MAX_SEED ? Number(seedText) : null;

  const edit = (next: Template) => {
    setTemplate(next);
    setJsonText(JSON.stringify(next, null, 2));
    setJsonError(null);
    setLink(null);
    setCopied(null);
  };

  const apply = useCallback(
    (outcome: Outcome) => {
      setRunning(false);
      if (outcome.kind === "run") {
        setRun(outcome.run);
        setIssues([]);
        setFailure(null);
      } else if (outcome.kind === "issues") {
        setIssues(outcome.issues);
        setRun(null);
        setFailure(null);
      } else setFailure(outcome.message ?? t("runFailed"));
    },
    [t],
  );

  // Only the latest run's answer is shown: an earlier one arriving late is dropped.
  const latest = useRef(0);
  const runNow = (scenario: Template, withSeed: number) => {
    const mine = ++latest.current;
    setRunning(true);
    void simulate(scenario, withSeed).then((outcome) => {
      if (mine === latest.current) apply(outcome);
    });
  };

  // A shared link opens with its run already shown, as does the first example.
  useEffect(() => {
    const mine = ++latest.current;
    void simulate(initial ?? EXAMPLES.handshake, initialSeed ?? 1).then((outcome) => {
      if (mine === latest.current) apply(outcome);
    });
  }, [apply, initial, initialSeed]);

  const onJson = (textValue: string) => {
    setJsonText(textValue);
    setLink(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(textValue);
    } catch {
      setJsonError("syntax");
      return;
    }
    const next = asTemplate(parsed);
    if (!next) {
      setJsonError("notObject");
      return;
    }
    setJsonError(null);
    setTemplate(next);
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft" && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const next: Tab = e.key === "Home" ? "builder" : e.key === "End" ? "json" : tab === "builder" ? "json" : "builder";
    setTab(next);
    tabs.current[next]?.focus();
  };

  const copyLink = async () => {
    const href = shareHref(template, varies ? seed : null);
    const absolute = new URL(href, window.location.href).toString();
    window.history.replaceState(null, "", href);
    setLink(absolute);
    try {
      await navigator.clipboard.writeText(absolute);
      setCopied("copied");
    } catch {
      setCopied("manual");
    }
  };

  const canRun = !running && jsonError === null && (!varies || seed !== null);

  return (
    <div className="flex flex-col gap-6">
      {sharedUnreadable ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("sharedUnreadable")}
        </p>
      ) : null}

      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor={`${id}-example`} className="text-sm font-medium text-slate-800">
            {t("example")}
          </label>
          <select
            id={`${id}-example`}
            value={example}
            onChange={(e) => setExample(e.target.value as ExampleId)}
            className="max-w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm"
          >
            {EXAMPLE_IDS.map((x) => (
              <option key={x} value={x}>
                {t(EXAMPLE_NAME[x])}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={() => {
            edit(EXAMPLES[example]);
            setIssues([]);
            runNow(EXAMPLES[example], seed ?? 1);
          }}
        >
          {t("loadExample")}
        </button>
      </div>

      <div className="flex flex-col gap-3">
        <div role="tablist" aria-label={t("editAs")} className="flex gap-1 border-b border-slate-200">
          {(["builder", "json"] as const).map((name) => (
            <button
              key={name}
              ref={(el) => {
                tabs.current[name] = el;
              }}
              id={`${id}-tab-${name}`}
              type="button"
              role="tab"
              aria-selected={tab === name}
              aria-controls={`${id}-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
              onKeyDown={onTabKey}
              className={`-mb-px rounded-t-lg border px-4 py-2 text-sm font-medium ${
                tab === name
                  ? "border-slate-200 border-b-white bg-white text-slate-900"
                  : "border-transparent text-slate-700 hover:text-slate-900"
              }`}
            >
              {name === "builder" ? t("tabBuilder") : t("tabJson")}
            </button>
          ))}
        </div>
        <div id={`${id}-panel-builder`} role="tabpanel" aria-labelledby={`${id}-tab-builder`} hidden={tab !== "builder"}>
          {jsonError ? (
            <p className="mb-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
              {t("builderWaitsForJson")}
            </p>
          ) : null}
          <Builder template={template} issues={issues} onChange={edit} />
        </div>
        <div
          id={`${id}-panel-json`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-json`}
          hidden={tab !== "json"}
          className="flex flex-col gap-2"
        >
          <label htmlFor={`${id}-json`} className="text-sm font-medium text-slate-800">
            {t("jsonLabel")}
          </label>
          <p id={`${id}-json-hint`} className="text-xs text-slate-600">
            {t("jsonHint", { doc: "docs/scenario-format.md", between: '{ "between": [lo, hi] }', random: '"random"' })}
          </p>
          <textarea
            id={`${id}-json`}
            value={jsonText}
            onChange={(e) => onJson(e.target.value)}
            rows={18}
            spellCheck={false}
            aria-invalid={jsonError !== null || issues.length > 0 || undefined}
            aria-describedby={`${id}-json-hint${jsonError ? ` ${id}-json-error` : ""}`}
            className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm"
          />
          {jsonError ? (
            <p id={`${id}-json-error`} className="text-sm text-rose-700">
              {jsonError === "syntax" ? t("jsonSyntax") : t("jsonNotObject", { open: "{", close: "}" })}
            </p>
          ) : null}
        </div>
      </div>

      <div className="flex flex-wrap items-end gap-3">
        {varies ? (
          <>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-seed`} className="text-sm font-medium text-slate-800">
                {t("seed")}
              </label>
              <input
                id={`${id}-seed`}
                type="text"
                inputMode="numeric"
                value={seedText}
                onChange={(e) => setSeedText(e.target.value)}
                aria-invalid={seed === null || undefined}
                aria-describedby={`${id}-seed-hint${seed === null ? ` ${id}-seed-error` : ""}`}
                className={`w-40 rounded-lg border bg-white px-3 py-2 text-slate-900 shadow-sm ${seed === null ? "border-rose-500" : "border-slate-300"}`}
              />
            </div>
            <button
              type="button"
              className={buttonStyles.secondary}
              onClick={() => {
                const next = randomSeed();
                setSeedText(String(next));
                runNow(template, next);
              }}
              disabled={running || jsonError !== null}
            >
              {t("anotherSeed")}
            </button>
          </>
        ) : null}
        <button type="button" className={buttonStyles.primary} onClick={() => runNow(template, seed ?? 1)} disabled={!canRun}>
          {running ? t("running") : t("run")}
        </button>
        <button type="button" className={buttonStyles.secondary} onClick={() => void copyLink()} disabled={jsonError !== null}>
          {t("copyLink")}
        </button>
      </div>
      {varies ? (
        <div className="-mt-4 flex flex-col gap-1">
          <p id={`${id}-seed-hint`} className="text-xs text-slate-600">
            {t("seedHint")}
          </p>
          {seed === null ? (
            <p id={`${id}-seed-error`} className="text-sm text-rose-700">
              {t("seedInvalid", { max: MAX_SEED })}
            </p>
          ) : null}
        </div>
      ) : null}

      <div aria-live="polite" className="flex flex-col gap-2">
        {copied ? <p className="text-sm text-slate-700">{copied === "copied" ? t("linkCopied") : t("linkManual")}</p> : null}
      </div>
      {link ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-link`} className="text-sm font-medium text-slate-800">
            {t("linkLabel")}
          </label>
          <input
            id={`${id}-link`}
            readOnly
            value={link}
            onFocus={(e) => e.target.select()}
            className="w-full rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900"
          />
        </div>
      ) : null}

      <section aria-labelledby={`${id}-result`} className="flex flex-col gap-3">
        <h2 id={`${id}-result`} className="text-lg font-semibold text-slate-900">
          {t("resultTitle")}
        </h2>
        <div aria-live="polite">
          {failure ? (
            <p role="alert" className="text-sm text-rose-700">
              {failure}
            </p>
          ) : null}
          {issues.length > 0 ? (
            <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3">
              <p className="text-sm font-medium text-rose-900">{t("issuesTitle", { count: issues.length })}</p>
              <ul className="mt-1 list-disc pl-5 text-sm text-rose-900" data-testid="sb-issues">
                {issues.map((issue, i) => (
                  <li key={i}>
                    <code className="font-mono">{pathText(issue.path) || t("wholeScenario")}</code>: {issue.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        {run && issues.length === 0 ? <Results run={run} /> : null}
        {!run && issues.length === 0 && !failure ? (
          <p className="text-sm text-slate-600">{running ? t("running") : t("noRunYet")}</p>
        ) : null}
      </section>

      {banks.length > 0 ? <MakeQuestion template={template} banks={banks} disabled={jsonError !== null} /> : null}
    </div>
  );
}
