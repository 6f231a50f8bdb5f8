"use client";
// Taking a quiz: every change is saved to the server (debounced), with an honest status per
// question; the countdown follows the server's deadline; submit asks first and is safe to
// repeat. A reload, a closed tab or a second device finds the last saved answers. A save or a
// submit the server refuses is announced (an alert) and takes the focus, since typing on would
// be in vain; a save that only failed to reach the server is announced and retried, and the
// focus stays where the student is typing, so no keystroke goes astray; so is one the server
// could not take just now (502/503/504: a database restarting, a class's rush), and a submit
// then tries again by itself. Each save carries a
// number that counts up per answer, from the one the page came with: when several app
// instances serve the class, an older save that arrives after a newer one is refused (409,
// stale) instead of overwriting it, and this page then knows whether the newer one was its own.
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { isTransient, retryWaitMs } from "@/lib/attempts/client";
import { answerProgress, type AnswerProgress, type Presentation } from "@/lib/questions/client";
import { AnswerWidget, type Draft } from "./answer-widgets";
import { QuestionSetup } from "./question-view";
import { buttonStyles } from "./ui";

type Item = {
  position: number;
  presentation: Presentation;
  draft: Draft | null;
  savedAt: string | null;
  saveSeq: number;
  maxScore: number;
};
type SaveState = { kind: "idle" | "pending" | "saving" | "saved" | "error"; at?: string; message?: string };

const DEBOUNCE_MS = 800;
/** Tries of one submit: waits of 1, 2, 4, 8, 16 and 30 s between them (lib/attempts/client.ts). */
const SUBMIT_TRIES = 7;

// The flags' store: localStorage, and an event so that this page hears its own writes.
const FLAGS_EVENT = "synack-flags";
function subscribeFlags(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(FLAGS_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(FLAGS_EVENT, onChange);
  };
}
function readFlags(key: string): string {
  try {
    return localStorage.getItem(key) ?? "[]";
  } catch {
    return "[]";
  }
}
function writeFlags(key: string, flags: number[]) {
  try {
    localStorage.setItem(key, JSON.stringify(flags));
  } catch {
    // Storage refused (private mode, full): nothing to keep the flag in.
  }
  window.dispatchEvent(new Event(FLAGS_EVENT));
}
function parseFlags(text: string): number[] {
  try {
    const stored = JSON.parse(text) as unknown;
    return Array.isArray(stored) ? stored.filter((n): n is number => typeof n === "number") : [];
  } catch {
    // A stored value this page did not write: no flags.
    return [];
  }
}

/** A question's section, the target of the navigator's and the submit summary's links. */
const questionId = (position: number) => `question-${position}`;

/** The element of an error that takes the focus: a question's save error, or the submit error. */
const errorId = (at: number | "submit") => `attempt-error-${at}`;

export function AttemptRunner({
  attemptId,
  items,
  deadlineAt,
  serverNow,
}: {
  attemptId: string;
  items: Item[];
  deadlineAt: string | null;
  serverNow: string;
}) {
  const t = useTranslations("attempt.runner");
  const format = useFormatter();
  const router = useRouter();
  // Saved-at times in the reader's language and time zone (the provider's, so the server's render and the browser's agree).
  const clock = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const [drafts, setDrafts] = useState<Record<number, Draft | null>>(() => Object.fromEntries(items.map((i) => [i.position, i.draft])));
  const [saves, setSaves] = useState<Record<number, SaveState>>(() =>
    Object.fromEntries(items.map((i) => [i.position, i.savedAt ? { kind: "saved", at: i.savedAt } : { kind: "idle" }])),
  );
  // Flags for review are the student's own notes: kept in this browser, per attempt (read
  // through useSyncExternalStore, so the server's render has none and the browser's has its own).
  const flagKey = `synack-flags-${attemptId}`;
  const storedFlags = useSyncExternalStore(
    subscribeFlags,
    () => readFlags(flagKey),
    () => "[]",
  );
  const flags = useMemo(() => parseFlags(storedFlags), [storedFlags]);
  const toggleFlag = (position: number) => {
    const next = flags.includes(position) ? flags.filter((p) => p !== position) : [...flags, position].sort((a, b) => a - b);
    writeFlags(flagKey, next);
  };
  const progress = (position: number): AnswerProgress => answerProgress(drafts[position]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  // The newest drafts, for saves that run after a re-render (kept current by change()).
  const latest = useRef(drafts);
  // Per answer, the highest save number this page has used (sent or learnt from the server).
  const seqs = useRef(new Map<number, number>(items.map((i) => [i.position, i.saveSeq])));
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  // Seconds until a submit the server could not take yet is sent again.
  const [submitRetryIn, setSubmitRetryIn] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  // The server's clock minus ours, measured once the page is on screen.
  const offset = useRef(0);
  useEffect(() => {
    offset.current = new Date(serverNow).getTime() - Date.now();
  }, [serverNow]);
  const retry = useRef<(position: number, attempt: number) => Promise<boolean>>(async () => false);
  const [left, setLeft] = useState<number | null>(deadlineAt ? new Date(deadlineAt).getTime() - new Date(serverNow).getTime() : null);
  const finished = useRef(false);
  // Where the focus goes after a refusal: a question's save error, or the submit error.
  const [focusError, setFocusError] = useState<{ at: number | "submit" } | null>(null);
  useEffect(() => {
    if (focusError) document.getElementById(errorId(focusError.at))?.focus();
  }, [focusError]);

  // A save that did not get through: announced, with the focus left where the student types, and sent again.
  const later = useCallback(
    (position: number, attempt: number, why: "busy" | "offline", retryAfter: string | null) => {
      const wait = retryWaitMs(attempt, retryAfter, Math.random);
      const seconds = Math.round(wait / 1000);
      const message = why === "busy" ? t("status.busy", { seconds }) : t("status.offline", { seconds });
      setSaves((s) => ({ ...s, [position]: { kind: "error", message } }));
      timers.current.set(
        position,
        setTimeout(() => void retry.current(position, attempt + 1), wait),
      );
    },
    [t],
  );

  const save = useCallback(
    async (position: number, attempt = 0): Promise<boolean> => {
      const draft = latest.current[position];
      // A new number for every send, retries included: a retry after a save that did land is then simply newer.
      const seq = (seqs.current.get(position) ?? 0) + 1;
      seqs.current.set(position, seq);
      setSaves((s) => ({ ...s, [position]: { kind: "saving" } }));
      try {
        const response = await fetch(`/api/attempts/${attemptId}/responses/${position}`, {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ answer: draft, seq }),
          keepalive: true,
        });
        const body = (await response.json().catch(() => ({}))) as { savedAt?: string; message?: string; stale?: boolean; seq?: number };
        if (response.ok && body.savedAt) {
          // A newer edit made while this save was in flight is still waiting for its own save.
          if (latest.current[position] === draft) setSaves((s) => ({ ...s, [position]: { kind: "saved", at: body.savedAt } }));
          return true;
        }
        if (response.status === 409 && body.stale && typeof body.seq === "number") {
          const mine = seqs.current.get(position) ?? 0;
          // This page's own newer save got there first: it carries newer work, and reports for itself.
          if (body.seq <= mine) return true;
          // Another tab or device saved this answer since: count on from its number and send what is typed here.
          seqs.current.set(position, body.seq);
          return retry.current(position, attempt);
        }
        if (response.status === 409 || response.status === 404) {
          setSaves((s) => ({ ...s, [position]: { kind: "error", message: body.message ?? t("status.closed") } }));
          setFocusError({ at: position });
          router.refresh();
          return false;
        }
        if (isTransient(response.status)) {
          later(position, attempt, "busy", response.headers.get("retry-after"));
          return false;
        }
        setSaves((s) => ({
          ...s,
          [position]: { kind: "error", message: body.message ?? t("status.failed", { status: response.status }) },
        }));
        setFocusError({ at: position });
        return false;
      } catch {
        // Offline or the server is restarting: keep the answer here and try again.
        later(position, attempt, "offline", null);
        return false;
      }
    },
    [attemptId, router, t, later],
  );

  useEffect(() => {
    retry.current = save;
  }, [save]);

  const change = (position: number, draft: Draft) => {
    setDrafts((d) => ({ ...d, [position]: draft }));
    latest.current = { ...latest.current, [position]: draft };
    setSaves((s) => ({ ...s, [position]: { kind: "pending" } }));
    clearTimeout(timers.current.get(position));
    timers.current.set(
      position,
      setTimeout(() => void save(position), DEBOUNCE_MS),
    );
  };

  const flush = useCallback(async () => {
    const pending = [...timers.current.keys()];
    for (const p of pending) clearTimeout(timers.current.get(p));
    timers.current.clear();
    await Promise.all(pending.map((p) => save(p)));
  }, [save]);

  const submit = useCallback(async () => {
    if (finished.current) return;
    setSubmitting(true);
    setSubmitError(null);
    await flush();
    // Sent again while the server cannot take it (up to about two minutes, at most 30 s apart): a
    // submit is safe to repeat, and at the deadline the whole class submits at once.
    for (let attempt = 0; attempt < SUBMIT_TRIES; attempt++) {
      let retryAfter: string | null = null;
      try {
        const response = await fetch(`/api/attempts/${attemptId}/submit`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
        });
        if (response.ok || response.status === 404) {
          finished.current = true;
          router.refresh();
          return;
        }
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        if (!isTransient(response.status)) {
          setSubmitError(body.message ?? t("submitFailed", { status: response.status }));
          setFocusError({ at: "submit" });
          break;
        }
        retryAfter = response.headers.get("retry-after");
      } catch {
        // No answer at all: offline, or the server is restarting.
      }
      if (attempt === SUBMIT_TRIES - 1) break;
      const wait = retryWaitMs(attempt, retryAfter, Math.random);
      setSubmitRetryIn(Math.round(wait / 1000));
      await new Promise((r) => setTimeout(r, wait));
      setSubmitRetryIn(null);
    }
    setSubmitting(false);
    if (!finished.current) {
      setSubmitError((e) => e ?? t("submitOffline"));
      setFocusError({ at: "submit" });
    }
  }, [attemptId, flush, router, t]);

  // The countdown, from the server's clock; at zero the attempt is submitted with what was saved.
  useEffect(() => {
    if (!deadlineAt) return;
    const deadline = new Date(deadlineAt).getTime();
    const tick = () => {
      const remaining = deadline - (Date.now() + offset.current);
      setLeft(Math.max(0, remaining));
      if (remaining <= 0) void submit();
    };
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [deadlineAt, submit]);

  // Leaving the page (tab hidden or closed): send what is pending.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => document.removeEventListener("visibilitychange", onHide);
  }, [flush]);

  const unsaved = Object.values(saves).some((s) => s.kind === "pending" || s.kind === "saving" || s.kind === "error");
  const minutes = Math.floor((left ?? 0) / 60_000);
  const seconds = Math.floor(((left ?? 0) % 60_000) / 1000);

  return (
    <div className="flex flex-col gap-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white/95 px-4 py-2">
        <p className="text-sm text-slate-700" aria-live="polite">
          {unsaved ? t("saving") : t("allSaved")}
        </p>
        {left !== null ? (
          <p
            className={`font-mono text-lg font-semibold ${left < 60_000 ? "text-rose-700" : "text-slate-900"}`}
            role="timer"
            aria-label={t("timeLeft", { minutes, seconds })}
          >
            {format.number(minutes, { minimumIntegerDigits: 2, useGrouping: false })}:{format.number(seconds, { minimumIntegerDigits: 2 })}
          </p>
        ) : null}
        <button type="button" className={buttonStyles.primary} onClick={() => dialog.current?.showModal()} disabled={submitting}>
          {submitting ? t("submitting") : t("submit")}
        </button>
      </div>
      {left !== null && left < 60_000 && left > 0 ? (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("lastMinute")}
        </p>
      ) : null}
      {submitRetryIn !== null ? (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="submit-retry">
          {t("submitRetrying", { seconds: submitRetryIn })}
        </p>
      ) : null}
      {submitError ? (
        <p
          role="alert"
          id={errorId("submit")}
          tabIndex={-1}
          className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 outline-none focus:ring-2 focus:ring-rose-400"
        >
          {submitError}
        </p>
      ) : null}
      <QuestionNavigator items={items.map((i) => i.position)} progress={progress} flags={flags} />
      <ol className="flex flex-col gap-6">
        {items.map((item) => {
          const s = saves[item.position];
          return (
            <li key={item.position}>
              <section
                id={questionId(item.position)}
                aria-labelledby={`q-${item.position}-title`}
                className="scroll-mt-16 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
              >
                <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                  <p id={`q-${item.position}-title`} className="text-sm font-medium text-slate-600">
                    {t("heading", { n: item.position, total: items.length, points: item.maxScore })}
                  </p>
                  <button
                    type="button"
                    className={`${buttonStyles.secondary} px-2.5 py-1`}
                    aria-pressed={flags.includes(item.position)}
                    onClick={() => toggleFlag(item.position)}
                  >
                    <FlagIcon filled={flags.includes(item.position)} />
                    <span className="ml-1.5">{flags.includes(item.position) ? t("navigator.flagged") : t("navigator.flag")}</span>
                  </button>
                </div>
                <QuestionSetup presentation={item.presentation} />
                <div className="mt-4">
                  <AnswerWidget
                    name={`q${item.position}`}
                    format={item.presentation.answer}
                    draft={drafts[item.position]}
                    onChange={(d) => change(item.position, d)}
                  />
                </div>
                {s.kind === "error" ? (
                  // A new alert element, so the error is announced at once (a polite region would
                  // wait, and changing a live region's role is not reliably announced).
                  <p
                    role="alert"
                    id={errorId(item.position)}
                    tabIndex={-1}
                    className="mt-3 rounded text-sm text-rose-700 outline-none focus:ring-2 focus:ring-rose-400"
                    data-testid={`save-status-${item.position}`}
                  >
                    {s.message}
                  </p>
                ) : (
                  <p className="mt-3 text-sm text-slate-600" aria-live="polite" data-testid={`save-status-${item.position}`}>
                    {s.kind === "saved" && s.at
                      ? t("status.savedAt", { time: clock(s.at) })
                      : s.kind === "saving"
                        ? t("status.saving")
                        : s.kind === "pending"
                          ? t("status.pending")
                          : t("status.empty")}
                  </p>
                )}
              </section>
            </li>
          );
        })}
      </ol>
      <dialog
        ref={dialog}
        aria-labelledby="submit-title"
        className="m-auto max-w-md rounded-xl bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/50"
      >
        <h2 id="submit-title" className="text-lg font-semibold text-slate-900">
          {t("confirm.title")}
        </h2>
        <p className="mt-2 text-slate-700">{unsaved ? t("confirm.bodyUnsaved") : t("confirm.body")}</p>
        {(() => {
          const missing = items.filter((i) => progress(i.position) !== "answered");
          const flagged = items.filter((i) => flags.includes(i.position));
          if (!missing.length && !flagged.length) return <p className="mt-2 text-sm text-slate-700">{t("confirm.allAnswered")}</p>;
          // Each is a link to its question: following it closes the dialog there.
          return (
            <div className="mt-3">
              <h3 className="text-sm font-medium text-slate-900">{t("confirm.missingTitle")}</h3>
              <ul className="mt-1 list-disc pl-5 text-sm" data-testid="submit-summary">
                {missing.map((i) => (
                  <li key={`m${i.position}`}>
                    <a href={`#${questionId(i.position)}`} className="text-accent-700 underline" onClick={() => dialog.current?.close()}>
                      {t("confirm.missingItem", { n: i.position, progress: progress(i.position) })}
                    </a>
                  </li>
                ))}
                {flagged.map((i) => (
                  <li key={`f${i.position}`}>
                    <a href={`#${questionId(i.position)}`} className="text-accent-700 underline" onClick={() => dialog.current?.close()}>
                      {t("confirm.flaggedItem", { n: i.position })}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          );
        })()}
        <div className="mt-5 flex justify-end gap-3">
          <button type="button" className={buttonStyles.secondary} onClick={() => dialog.current?.close()}>
            {t("confirm.keepWorking")}
          </button>
          <button
            type="button"
            className={buttonStyles.primary}
            onClick={() => {
              dialog.current?.close();
              void submit();
            }}
          >
            {t("confirm.submit")}
          </button>
        </div>
      </dialog>
    </div>
  );
}

function FlagIcon({ filled }: { filled: boolean }) {
  // Drawn, not a glyph: flag characters are missing from the fonts Chromium finds on Debian.
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 12 14"
      className="h-3.5 w-3"
      fill={filled ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth={1.4}
    >
      <path d="M1.5 13V1.5h8l-2 3 2 3h-8" strokeLinejoin="round" />
    </svg>
  );
}

/** Every question as a numbered link: answered (filled), partly (half), not yet (empty), and flagged. */
function QuestionNavigator({
  items,
  progress,
  flags,
}: {
  items: number[];
  progress: (position: number) => AnswerProgress;
  flags: number[];
}) {
  const t = useTranslations("attempt.runner.navigator");
  const fill: Record<AnswerProgress, string> = {
    answered: "border-accent-700 bg-accent-700 text-white",
    partial: "border-accent-700 bg-gradient-to-r from-accent-100 from-50% to-white to-50% text-slate-900",
    unanswered: "border-slate-400 bg-white text-slate-800",
  };
  return (
    <nav aria-label={t("title")} className="rounded-xl border border-slate-200 bg-white px-4 py-3">
      <ol className="flex flex-wrap gap-2">
        {items.map((n) => {
          const state = progress(n);
          const flagged = flags.includes(n);
          return (
            <li key={n}>
              <a
                href={`#${questionId(n)}`}
                aria-label={t("item", { n, progress: state, flagged: flagged ? "yes" : "no" })}
                data-progress={state}
                className={`relative inline-flex h-9 min-w-9 items-center justify-center rounded-lg border-2 px-2 text-sm font-semibold ${fill[state]}`}
              >
                {n}
                {flagged ? (
                  <span className="absolute -right-1.5 -top-1.5 rounded-full bg-amber-400 p-0.5 text-slate-900">
                    <FlagIcon filled />
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ol>
      <p className="mt-2 text-xs text-slate-600">{t("legend")}</p>
    </nav>
  );
}
