"use client";
// The editor's live preview: the variant of the seed as a student sees it, drawn by the
// students' own components (the setup, the answer widget), with an answer to try; for those
// who may see them, the expected answer (beside the answer tried) and the engine's ladder.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { componentsFor } from "@/components/answers";
import { AnswerWidget, type Draft } from "@/components/answer-widgets";
import { QuestionSetup } from "@/components/question-view";
import { Timeline } from "@/components/timeline";
import { buttonStyles } from "@/components/ui";
import type { Answer, Presentation } from "@/lib/questions/client";
import type { PreviewBody } from "./api";

export type PreviewState =
  | { status: "checking" }
  | { status: "invalid" }
  | { status: "seed-fails"; message: string }
  | { status: "error"; message: string }
  | { status: "ready"; body: PreviewBody; serverMs: number | null; totalMs: number; serial: number };

/** The variant shown: its own answer state, so another seed or template starts with an empty answer. */
function StudentView({
  body,
  canSeeExpected,
  showExpected,
  showLadder,
}: {
  body: PreviewBody;
  canSeeExpected: boolean;
  showExpected: boolean;
  showLadder: boolean;
}) {
  const t = useTranslations("editor.preview");
  const [draft, setDraft] = useState<Draft | null>(null);
  return (
    <>
      <section className="rounded-lg border border-slate-200 p-4" aria-label={t("asStudent")}>
        <QuestionSetup presentation={body.presentation} headingLevel={3} />
        <div className="mt-4" role="group" aria-label={t("answerRegion")}>
          <AnswerWidget name="preview" format={body.presentation.answer} draft={draft} onChange={setDraft} />
        </div>
      </section>
      {canSeeExpected && showExpected && body.expected ? (
        <section className="flex flex-col gap-2" aria-label={t("expected")}>
          <h3 className="font-semibold text-slate-900">{t("expected")}</h3>
          <ExpectedAnswer expected={body.expected} presentation={body.presentation} draft={draft} />
        </section>
      ) : null}
      {canSeeExpected && showLadder && body.trace ? <Timeline trace={body.trace} showStates title={t("ladder")} /> : null}
    </>
  );
}

export const MAX_SEED = 0xffff_ffff;

export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

function ExpectedAnswer({ expected, presentation, draft }: { expected: Answer; presentation: Presentation; draft: Draft | null }) {
  const { Review } = componentsFor(expected.kind);
  return <Review draft={draft} expected={expected} format={presentation.answer} />;
}

export function PreviewPanel({
  state,
  seed,
  onSeed,
  canSeeExpected,
}: {
  state: PreviewState;
  seed: number;
  onSeed: (seed: number) => void;
  canSeeExpected: boolean;
}) {
  const t = useTranslations("editor.preview");
  // What is typed in the seed box, for the seed it was typed at: another seed shows that seed.
  const [typing, setTyping] = useState({ text: String(seed), seed });
  const typed = typing.seed === seed ? typing.text : String(seed);
  const [showExpected, setShowExpected] = useState(false);
  const [showLadder, setShowLadder] = useState(false);
  const seedValid = /^\d+$/.test(typed) && Number(typed) <= MAX_SEED;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="preview-seed" className="text-sm font-medium text-slate-800">
            {t("seed")}
          </label>
          <input
            id="preview-seed"
            inputMode="numeric"
            className={`w-40 rounded-lg border bg-white px-3 py-2 font-mono text-slate-900 shadow-sm ${seedValid ? "border-slate-300" : "border-rose-500"}`}
            value={typed}
            aria-invalid={seedValid ? undefined : true}
            aria-describedby="preview-seed-hint"
            onChange={(e) => {
              const text = e.target.value;
              const next = /^\d+$/.test(text) && Number(text) <= MAX_SEED ? Number(text) : seed;
              setTyping({ text, seed: next });
              if (next !== seed) onSeed(next);
            }}
          />
        </div>
        <button type="button" className={buttonStyles.secondary} onClick={() => onSeed(randomSeed())}>
          {t("another")}
        </button>
      </div>
      <p id="preview-seed-hint" className={`text-xs ${seedValid ? "text-slate-600" : "text-rose-700"}`}>
        {t("seedHint")}
      </p>
      {canSeeExpected ? (
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={showExpected} onChange={(e) => setShowExpected(e.target.checked)} />
            {t("showExpected")}
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={showLadder} onChange={(e) => setShowLadder(e.target.checked)} />
            {t("showLadder")}
          </label>
        </div>
      ) : null}

      <div aria-live="polite" aria-busy={state.status === "checking"}>
        {state.status === "checking" ? <p className="text-sm text-slate-600">{t("loading")}</p> : null}
        {state.status === "invalid" ? <p className="text-sm text-amber-900">{t("invalid")}</p> : null}
        {state.status === "seed-fails" ? (
          <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("seedFails", { message: state.message })}
          </p>
        ) : null}
        {state.status === "error" ? (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {state.message}
          </p>
        ) : null}
        {state.status === "ready" ? (
          <p className="text-xs text-slate-500" data-testid="preview-latency">
            {t("latency", { server: Math.round((state.serverMs ?? 0) * 10) / 10, total: Math.round(state.totalMs) })}
          </p>
        ) : null}
      </div>

      {state.status === "ready" ? (
        <StudentView
          key={state.serial}
          body={state.body}
          canSeeExpected={canSeeExpected}
          showExpected={showExpected}
          showLadder={showLadder}
        />
      ) : null}
    </div>
  );
}
