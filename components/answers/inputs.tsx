"use client";
// The inputs the answer widgets are built from: a state sequence, segment rows, a state, a
// time. Each reports every change; all are usable by keyboard and labelled for screen readers.
import { useTranslations } from "next-intl";
import { useId, useState, type DragEvent } from "react";
import { FLAG_ORDER, STATES, endpointName, matchStateName, type SegmentDraft } from "@/lib/questions/client";
import { useText } from "../use-text";

const input = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-slate-900";
const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-40";

/** An ordered list of states: add from a palette or by typing, reorder, remove. `paletteLabel` names the palette's group. */
export function StateSequenceInput({
  label,
  paletteLabel,
  value,
  onChange,
}: {
  label: string;
  paletteLabel: string;
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const t = useTranslations("answers.stateSequence");
  const id = useId();
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= value.length) return;
    const next = [...value];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
  };
  const addTyped = () => {
    const match = matchStateName(typed);
    if (!match) return;
    if ("error" in match) {
      setProblem(t("notState", { typed }));
      return;
    }
    onChange([...value, match.state]);
    setTyped("");
    setProblem(null);
  };
  return (
    <fieldset className="rounded-lg border border-slate-200 p-3">
      <legend className="px-1 font-medium text-slate-900">{label}</legend>
      {value.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-1" aria-label={t("inOrder", { label })}>
          {value.map((state, i) => (
            <li
              key={`${i}-${state}`}
              draggable
              onDragStart={() => setDragFrom(i)}
              onDragOver={(e: DragEvent) => e.preventDefault()}
              onDrop={() => {
                if (dragFrom !== null) move(dragFrom, i);
                setDragFrom(null);
              }}
              className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-2 py-1"
            >
              <span className="font-mono text-sm">
                <span className="text-slate-500">{i + 1}.</span> {state}
              </span>
              <span className="flex gap-1">
                <button
                  type="button"
                  className={small}
                  onClick={() => move(i, i - 1)}
                  disabled={i === 0}
                  aria-label={t("moveUp", { state, n: i + 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={small}
                  onClick={() => move(i, i + 1)}
                  disabled={i === value.length - 1}
                  aria-label={t("moveDown", { state, n: i + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={small}
                  onClick={() => onChange(value.filter((_, k) => k !== i))}
                  aria-label={t("remove", { state, n: i + 1 })}
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="mt-3 flex flex-wrap gap-1" role="group" aria-label={paletteLabel}>
        {STATES.map((s) => (
          <button
            key={s}
            type="button"
            className={`${small} font-mono text-xs`}
            onClick={() => onChange([...value, s])}
            aria-label={t("add", { state: s })}
          >
            + {s}
          </button>
        ))}
      </div>
      <div className="mt-2 flex items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-type`} className="text-xs text-slate-600">
            {t("typeLabel")}
          </label>
          <input
            id={`${id}-type`}
            list={`${id}-list`}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addTyped();
              }
            }}
            className={`${input} w-44 font-mono text-sm`}
            autoComplete="off"
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          <datalist id={`${id}-list`}>
            {STATES.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <button type="button" className={small} onClick={addTyped}>
          {t("addTyped")}
        </button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="mt-1 text-sm text-rose-700">
          {problem}
        </p>
      ) : null}
      <details className="mt-3 text-sm text-slate-700">
        <summary className="cursor-pointer text-accent-700">{t("transientTitle")}</summary>
        <p className="mt-1">{t("transientBody")}</p>
      </details>
    </fieldset>
  );
}

function flagsToSet(flags: string): Set<string> {
  return new Set(flags.split("+").filter(Boolean));
}

function setToFlags(set: Set<string>): string {
  return FLAG_ORDER.filter((f) => set.has(f)).join("+");
}

function numberOrNull(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff ? n : null;
}

/**
 * Segments as rows: sender, flag checkboxes, seq and ack. On a phone a row is too wide for the
 * screen (seq and ack take ten digits each), and hidden in a sideways scroll its inputs were
 * missed; there each row is a small card instead — sender and remove, the flags, then seq and
 * ack with their names shown.
 */
export function SegmentTable({
  rows,
  onChange,
  fixed = false,
  caption,
}: {
  rows: SegmentDraft[];
  onChange: (rows: SegmentDraft[]) => void;
  fixed?: boolean;
  caption?: string;
}) {
  const t = useTranslations("answers.segmentTable");
  const text = useText();
  const update = (i: number, patch: Partial<SegmentDraft>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <div className="relative overflow-x-auto max-sm:overflow-visible">
      <table className="text-sm max-sm:block max-sm:w-full">
        <caption className="mb-1 text-left font-medium text-slate-900 max-sm:block">{caption ?? t("caption")}</caption>
        <thead className="text-slate-600 max-sm:sr-only">
          <tr>
            {!fixed ? (
              <th scope="col" className="px-1 text-left font-medium">
                {t("number")}
              </th>
            ) : null}
            <th scope="col" className="px-1 text-left font-medium">
              {t("sender")}
            </th>
            <th scope="col" className="px-1 text-left font-medium">
              {t("flags")}
            </th>
            <th scope="col" className="px-1 text-left font-medium">
              {t("seq")}
            </th>
            <th scope="col" className="px-1 text-left font-medium">
              {t("ack")}
            </th>
            {!fixed ? (
              <th scope="col" className="px-1">
                <span className="sr-only">{t("remove")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {rows.map((row, i) => {
            const label = fixed ? t("next") : t("row", { n: i + 1 });
            const set = flagsToSet(row.flags);
            return (
              <tr
                key={i}
                className="align-middle max-sm:grid max-sm:grid-cols-2 max-sm:items-center max-sm:gap-x-2 max-sm:gap-y-1 max-sm:border-t max-sm:border-slate-200 max-sm:py-2"
              >
                {!fixed ? <td className="px-1 text-slate-500 max-sm:hidden">{i + 1}</td> : null}
                <td className="px-1 py-1 max-sm:order-1">
                  <span aria-hidden="true" className="block text-xs text-slate-600 sm:hidden">
                    {t("sender")}
                  </span>
                  <select
                    aria-label={t("senderOf", { label })}
                    value={row.from}
                    onChange={(e) => update(i, { from: e.target.value as SegmentDraft["from"] })}
                    className={input}
                  >
                    <option value="">{t("noSender")}</option>
                    <option value="client">{text(endpointName("client"))}</option>
                    <option value="server">{text(endpointName("server"))}</option>
                  </select>
                </td>
                <td className="px-1 py-1 max-sm:order-3 max-sm:col-span-2">
                  <span className="flex flex-wrap gap-2" role="group" aria-label={t("flagsOf", { label })}>
                    {FLAG_ORDER.map((f) => (
                      <label key={f} className="flex items-center gap-0.5 font-mono text-xs">
                        <input
                          type="checkbox"
                          aria-label={t("flagOf", { label, flag: f })}
                          checked={set.has(f)}
                          onChange={(e) => {
                            const next = new Set(set);
                            if (e.target.checked) next.add(f);
                            else next.delete(f);
                            update(i, { flags: setToFlags(next) });
                          }}
                        />
                        {f}
                      </label>
                    ))}
                  </span>
                </td>
                <td className="px-1 py-1 max-sm:order-4">
                  <span aria-hidden="true" className="block text-xs text-slate-600 sm:hidden">
                    {t("seq")}
                  </span>
                  <input
                    aria-label={t("seqOf", { label })}
                    inputMode="numeric"
                    value={row.seq ?? ""}
                    onChange={(e) => update(i, { seq: numberOrNull(e.target.value) })}
                    className={`${input} w-32 font-mono max-sm:w-full`}
                  />
                </td>
                <td className="px-1 py-1 max-sm:order-5">
                  <span aria-hidden="true" className="block text-xs text-slate-600 sm:hidden">
                    {t("ack")}
                  </span>
                  <input
                    aria-label={t("ackOf", { label })}
                    inputMode="numeric"
                    value={row.ack ?? ""}
                    onChange={(e) => update(i, { ack: numberOrNull(e.target.value) })}
                    className={`${input} w-32 font-mono max-sm:w-full`}
                  />
                </td>
                {!fixed ? (
                  <td className="px-1 py-1 max-sm:order-2 max-sm:justify-self-end">
                    <button
                      type="button"
                      className={small}
                      onClick={() => onChange(rows.filter((_, k) => k !== i))}
                      aria-label={t("removeRow", { n: i + 1 })}
                    >
                      ✕
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {!fixed ? (
        <button
          type="button"
          className={`${small} mt-2`}
          onClick={() => onChange([...rows, { from: "", flags: "", seq: null, ack: null }])}
          disabled={rows.length >= 40}
        >
          {t("addRow")}
        </button>
      ) : null}
    </div>
  );
}

export function StateSelect({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (s: string) => void }) {
  const t = useTranslations("answers.stateSelect");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${input} font-mono`}>
        <option value="">{t("choose")}</option>
        {STATES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TimeInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: number | "never" | null;
  onChange: (v: number | "never" | null) => void;
}) {
  const t = useTranslations("answers.timeInput");
  const never = value === "never";
  return (
    <div className="flex flex-wrap items-end gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {t("label")}
        </label>
        <span className="flex items-center gap-2">
          <input
            id={id}
            inputMode="numeric"
            disabled={never}
            value={typeof value === "number" ? value : ""}
            onChange={(e) => onChange(numberOrNull(e.target.value))}
            className={`${input} w-40 font-mono`}
            aria-describedby={`${id}-unit`}
          />
          <span id={`${id}-unit`} className="text-slate-700">
            {t("unit")}
          </span>
        </span>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={never} onChange={(e) => onChange(e.target.checked ? "never" : null)} />
        {t("never")}
      </label>
    </div>
  );
}
