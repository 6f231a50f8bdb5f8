"use client";
// The answer widgets, one per kind of question. Each edits a draft (lib/questions/answers.ts
// drafts) and reports every change; all are usable by keyboard and labelled for screen readers.
import { useId, useState, type DragEvent } from "react";
import type { AnswerFormat } from "@/lib/questions/present";
import { STATES } from "@/lib/tcp/trace";

const FLAGS = ["SYN", "FIN", "RST", "PSH", "ACK"] as const;

type Endpoint = "client" | "server";
export type SegmentDraft = { from: Endpoint | ""; flags: string; seq: number | null; ack: number | null };
export type Draft =
  | { states: Partial<Record<Endpoint, string[]>> }
  | { segments: SegmentDraft[] }
  | { segment: SegmentDraft; state: string }
  | { ms: number | "never" | null }
  | { states: Partial<Record<Endpoint, string>> }
  | { choice: string | null };

const input = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-slate-900";
const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-40";

export function emptyDraft(format: AnswerFormat): Draft {
  switch (format.kind) {
    case "states":
      return { states: Object.fromEntries(format.endpoints.map((e) => [e, []])) };
    case "segments":
      return { segments: Array.from({ length: format.count }, () => ({ from: "", flags: "", seq: null, ack: null })) };
    case "next":
      return { segment: { from: "", flags: "", seq: null, ack: null }, state: "" };
    case "time":
      return { ms: null };
    case "final-state":
      return { states: Object.fromEntries(format.endpoints.map((e) => [e, ""])) };
    case "choice":
      return { choice: null };
  }
}

export function AnswerWidget({ format, draft, onChange, name }: { format: AnswerFormat; draft: Draft | null; onChange: (d: Draft) => void; name: string }) {
  const value = draft ?? emptyDraft(format);
  switch (format.kind) {
    case "states": {
      const states = (value as { states: Record<string, string[]> }).states ?? {};
      return (
        <div className="grid gap-4 md:grid-cols-2">
          {format.endpoints.map((e) => (
            <StateSequenceInput
              key={e}
              label={`${e === "client" ? "Client" : "Server"} states`}
              value={states[e] ?? []}
              onChange={(list) => onChange({ states: { ...states, [e]: list } })}
            />
          ))}
        </div>
      );
    }
    case "segments": {
      const rows = (value as { segments: SegmentDraft[] }).segments ?? [];
      return <SegmentTable rows={rows} onChange={(segments) => onChange({ segments })} />;
    }
    case "next": {
      const v = value as { segment: SegmentDraft; state: string };
      return (
        <div className="flex flex-col gap-3">
          <SegmentTable rows={[v.segment]} fixed onChange={(rows) => onChange({ segment: rows[0], state: v.state })} caption="The next segment" />
          <StateSelect id={`${name}-state`} label="Its sender's state right after sending it" value={v.state} onChange={(state) => onChange({ segment: v.segment, state })} />
        </div>
      );
    }
    case "time":
      return <TimeInput id={`${name}-ms`} value={(value as { ms: number | "never" | null }).ms} onChange={(ms) => onChange({ ms })} />;
    case "final-state": {
      const states = (value as { states: Record<string, string> }).states ?? {};
      return (
        <div className="flex flex-wrap gap-4">
          {format.endpoints.map((e) => (
            <StateSelect key={e} id={`${name}-${e}`} label={`The ${e}'s state`} value={states[e] ?? ""} onChange={(s) => onChange({ states: { ...states, [e]: s } })} />
          ))}
        </div>
      );
    }
    case "choice":
      return (
        <fieldset>
          {/* The prompt above says it already; the legend names the group for screen readers. */}
          <legend className="sr-only">{format.question}</legend>
          <div className="flex flex-col gap-2">
            {format.options.map((o) => (
              <label key={o.id} className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 hover:bg-slate-50">
                <input type="radio" name={`${name}-choice`} value={o.id} checked={(value as { choice: string | null }).choice === o.id} onChange={() => onChange({ choice: o.id })} />
                {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      );
  }
}

/** An ordered list of states: add from a palette or by typing, reorder, remove. */
export function StateSequenceInput({ label, value, onChange }: { label: string; value: string[]; onChange: (v: string[]) => void }) {
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
    const key = typed.trim().toUpperCase().replace(/[\s-]+/g, "_");
    if (!key) return;
    const match = STATES.find((s) => s === key) ?? STATES.find((s) => s.startsWith(key));
    if (!match) {
      setProblem(`“${typed}” is not a TCP state. Pick one from the list.`);
      return;
    }
    onChange([...value, match]);
    setTyped("");
    setProblem(null);
  };
  return (
    <fieldset className="rounded-lg border border-slate-200 p-3">
      <legend className="px-1 font-medium text-slate-900">{label}</legend>
      {value.length === 0 ? (
        <p className="text-sm text-slate-600">No states yet. Start with CLOSED.</p>
      ) : (
        <ol className="flex flex-col gap-1" aria-label={`${label}, in order`}>
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
                <button type="button" className={small} onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={`Move ${state} (step ${i + 1}) up`}>
                  ↑
                </button>
                <button type="button" className={small} onClick={() => move(i, i + 1)} disabled={i === value.length - 1} aria-label={`Move ${state} (step ${i + 1}) down`}>
                  ↓
                </button>
                <button type="button" className={small} onClick={() => onChange(value.filter((_, k) => k !== i))} aria-label={`Remove ${state} (step ${i + 1})`}>
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="mt-3 flex flex-wrap gap-1" role="group" aria-label={`Add a state to ${label.toLowerCase()}`}>
        {STATES.map((s) => (
          <button key={s} type="button" className={`${small} font-mono text-xs`} onClick={() => onChange([...value, s])} aria-label={`Add ${s}`}>
            + {s}
          </button>
        ))}
      </div>
      <div className="mt-2 flex items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-type`} className="text-xs text-slate-600">
            Or type a state
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
          Add
        </button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="mt-1 text-sm text-rose-700">
          {problem}
        </p>
      ) : null}
      <details className="mt-3 text-sm text-slate-700">
        <summary className="cursor-pointer text-accent-700">States that last no time</summary>
        <p className="mt-1">
          One segment can move an endpoint through two states at once — for example a FIN that also acknowledges our own FIN takes FIN_WAIT_1 to FIN_WAIT_2
          and straight on to TIME_WAIT. You may list such an in-between state or leave it out: both are marked right.
        </p>
      </details>
    </fieldset>
  );
}

export function flagsToSet(flags: string): Set<string> {
  return new Set(flags.split("+").filter(Boolean));
}

export function setToFlags(set: Set<string>): string {
  return FLAGS.filter((f) => set.has(f)).join("+");
}

function numberOrNull(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff ? n : null;
}

/** Segments as rows: sender, flag checkboxes, seq and ack. */
export function SegmentTable({ rows, onChange, fixed = false, caption = "Segments, in the order they are sent" }: { rows: SegmentDraft[]; onChange: (rows: SegmentDraft[]) => void; fixed?: boolean; caption?: string }) {
  const update = (i: number, patch: Partial<SegmentDraft>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <div className="overflow-x-auto">
      <table className="text-sm">
        <caption className="mb-1 text-left font-medium text-slate-900">{caption}</caption>
        <thead className="text-slate-600">
          <tr>
            {!fixed ? <th scope="col" className="px-1 text-left font-medium">#</th> : null}
            <th scope="col" className="px-1 text-left font-medium">Sender</th>
            <th scope="col" className="px-1 text-left font-medium">Flags</th>
            <th scope="col" className="px-1 text-left font-medium">seq</th>
            <th scope="col" className="px-1 text-left font-medium">ack</th>
            {!fixed ? <th scope="col" className="px-1"><span className="sr-only">Remove</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const label = fixed ? "Next segment" : `Segment ${i + 1}`;
            const set = flagsToSet(row.flags);
            return (
              <tr key={i} className="align-middle">
                {!fixed ? <td className="px-1 text-slate-500">{i + 1}</td> : null}
                <td className="px-1 py-1">
                  <select aria-label={`${label} sender`} value={row.from} onChange={(e) => update(i, { from: e.target.value as SegmentDraft["from"] })} className={input}>
                    <option value="">—</option>
                    <option value="client">client</option>
                    <option value="server">server</option>
                  </select>
                </td>
                <td className="px-1 py-1">
                  <span className="flex gap-2" role="group" aria-label={`${label} flags`}>
                    {FLAGS.map((f) => (
                      <label key={f} className="flex items-center gap-0.5 font-mono text-xs">
                        <input
                          type="checkbox"
                          aria-label={`${label} ${f}`}
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
                <td className="px-1 py-1">
                  <input aria-label={`${label} seq`} inputMode="numeric" value={row.seq ?? ""} onChange={(e) => update(i, { seq: numberOrNull(e.target.value) })} className={`${input} w-32 font-mono`} />
                </td>
                <td className="px-1 py-1">
                  <input aria-label={`${label} ack`} inputMode="numeric" value={row.ack ?? ""} onChange={(e) => update(i, { ack: numberOrNull(e.target.value) })} className={`${input} w-32 font-mono`} />
                </td>
                {!fixed ? (
                  <td className="px-1 py-1">
                    <button type="button" className={small} onClick={() => onChange(rows.filter((_, k) => k !== i))} aria-label={`Remove segment ${i + 1}`}>
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
        <button type="button" className={`${small} mt-2`} onClick={() => onChange([...rows, { from: "", flags: "", seq: null, ack: null }])} disabled={rows.length >= 40}>
          Add a segment
        </button>
      ) : null}
    </div>
  );
}

export function StateSelect({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (s: string) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${input} font-mono`}>
        <option value="">Choose a state</option>
        {STATES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TimeInput({ id, value, onChange }: { id: string; value: number | "never" | null; onChange: (v: number | "never" | null) => void }) {
  const never = value === "never";
  return (
    <div className="flex flex-wrap items-end gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          Time
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
            ms
          </span>
        </span>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={never} onChange={(e) => onChange(e.target.checked ? "never" : null)} />
        It never happens
      </label>
    </div>
  );
}
