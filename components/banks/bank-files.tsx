"use client";
// A bank's files: download it in a format (with how many seeds for the LMS formats), and read
// a file into it — first a report of what it would add, skip and why, and each problem with
// its line; then, when there is no problem, "Import N questions". Both call /api/v1 (the
// bank-files operations), so the page does what a script does.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { ImportOutcome } from "@/lib/interchange/transfer-service";
import type { BankFormat } from "@/lib/interchange/types";
import { DataTable } from "../data-table";
import { saveDownload } from "../save-download";
import { Labelled } from "../form-fields";
import { Badge, buttonStyles, Card, fieldClass } from "../ui";

type Said = { ok: boolean; text: string } | null;

/** The format a file's name suggests. */
function formatOf(name: string): BankFormat | null {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  if (ext === "json") return "json";
  if (ext === "xml") return "moodle-xml";
  if (ext === "gift" || ext === "txt") return "gift";
  if (ext === "zip") return "qti";
  return null;
}

/** The API's error message, or the status when there is none. */
async function failure(response: Response): Promise<string> {
  const data = (await response.json().catch(() => null)) as { message?: unknown } | null;
  return typeof data?.message === "string" ? data.message : `${response.status} ${response.statusText}`;
}

/** The file name of a Content-Disposition header. */
type FormatProps = { id: string; formats: readonly BankFormat[]; value: BankFormat; onChange: (f: BankFormat) => void; label: string };

function FormatSelect({ id, formats, value, onChange, label }: FormatProps) {
  const t = useTranslations("bankTransfer.page");
  return (
    <Labelled id={id} label={label}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as BankFormat)} className={`w-full ${fieldClass}`}>
          {formats.map((f) => (
            <option key={f} value={f}>
              {t("format", { format: f.replace("-", "_") })}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

export function BankExport({
  bankId,
  formats,
  seedRange,
}: {
  bankId: string;
  formats: readonly BankFormat[];
  seedRange: [number, number];
}) {
  const [minSeeds, maxSeeds] = seedRange;
  const t = useTranslations("bankTransfer.page");
  const id = useId();
  const [format, setFormat] = useState<BankFormat>("json");
  const [seeds, setSeeds] = useState(3);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said>(null);

  async function download(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaid(null);
    try {
      const response = await fetch(`/api/v1/banks/${encodeURIComponent(bankId)}/export?format=${format}&seeds=${seeds}`, {
        credentials: "same-origin",
      });
      if (!response.ok) return setSaid({ ok: false, text: await failure(response) });
      const name = await saveDownload(response, "bank");
      const short = (response.headers.get("x-unexported-questions") ?? "").split(",").filter(Boolean);
      setSaid(
        short.length
          ? { ok: false, text: t("exportedShort", { name, count: short.length, keys: short.join(", ") }) }
          : { ok: true, text: t("exported", { name }) },
      );
    } catch (error) {
      setSaid({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const lms = format !== "json";
  return (
    <Card title={t("exportHeading")}>
      <form onSubmit={download} className="grid gap-3 sm:grid-cols-3 sm:items-start" aria-label={t("exportHeading")}>
        <FormatSelect id={`${id}-format`} formats={formats} value={format} onChange={setFormat} label={t("formatLabel")} />
        <Labelled id={`${id}-seeds`} label={t("seedsLabel")} hint={lms ? t("seedsHint", { min: minSeeds, max: maxSeeds }) : t("seedsJson")}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={minSeeds}
              max={maxSeeds}
              step={1}
              value={seeds}
              disabled={!lms}
              onChange={(e) => setSeeds(Math.min(maxSeeds, Math.max(minSeeds, Math.trunc(Number(e.target.value) || minSeeds))))}
              className={`w-full ${fieldClass}`}
            />
          )}
        </Labelled>
        <div className="sm:pt-7">
          <button type="submit" className={buttonStyles.primary} disabled={busy}>
            {busy ? t("downloading") : t("download")}
          </button>
        </div>
      </form>
      <p className="mt-3 text-sm text-slate-600">{t("exportHint")}</p>
      <p role="status" className={`mt-2 text-sm ${said?.ok === false ? "text-rose-700" : "text-slate-700"}`}>
        {said?.text ?? ""}
      </p>
    </Card>
  );
}

const line = (n: number | null) => (n === null ? "—" : String(n));

function Report({ outcome }: { outcome: ImportOutcome }) {
  const t = useTranslations("bankTransfer.page");
  const tk = useTranslations("banks");
  return (
    <div className="mt-4 flex flex-col gap-4">
      {outcome.problems.length ? (
        <section aria-labelledby="import-problems">
          <h3 id="import-problems" className="mb-2 font-semibold text-rose-800">
            {t("problemsHeading", { count: outcome.problems.length })}
          </h3>
          <p className="mb-2 text-sm text-rose-800">{t("problemsNothing")}</p>
          <DataTable
            caption={t("problemsHeading", { count: outcome.problems.length })}
            hideCaption
            empty=""
            columns={[
              { key: "line", header: t("line") },
              { key: "message", header: t("problem") },
            ]}
            rows={outcome.problems.map((p, i) => ({ key: String(i), cells: { line: line(p.line), message: p.message } }))}
          />
        </section>
      ) : null}
      <section aria-labelledby="import-questions">
        <h3 id="import-questions" className="mb-2 font-semibold text-slate-900">
          {t(outcome.imported ? "importedHeading" : "toAddHeading", { count: outcome.questions.length })}
        </h3>
        <DataTable
          caption={t("toAddHeading", { count: outcome.questions.length })}
          hideCaption
          empty={t("noneToAdd")}
          columns={[
            { key: "line", header: t("line") },
            { key: "name", header: t("name") },
            { key: "key", header: t("key") },
            { key: "kind", header: t("kind") },
          ]}
          rows={outcome.questions.map((q, i) => ({
            key: String(i),
            cells: {
              line: line(q.line),
              name: q.name,
              key: <span className="font-mono text-xs">{q.key}</span>,
              kind: q.kind ? tk("kind", { kind: q.kind.replace(/-/g, "_") }) : "—",
            },
          }))}
        />
      </section>
      {outcome.skipped.length ? (
        <section aria-labelledby="import-skipped">
          <h3 id="import-skipped" className="mb-2 font-semibold text-slate-900">
            {t("skippedHeading", { count: outcome.skipped.length })}
          </h3>
          <DataTable
            caption={t("skippedHeading", { count: outcome.skipped.length })}
            hideCaption
            empty=""
            columns={[
              { key: "line", header: t("line") },
              { key: "name", header: t("name") },
              { key: "reason", header: t("reason") },
            ]}
            rows={outcome.skipped.map((s, i) => ({ key: String(i), cells: { line: line(s.line), name: s.name, reason: s.reason } }))}
          />
        </section>
      ) : null}
    </div>
  );
}

export function BankImport({ bankId, formats, maxBytes }: { bankId: string; formats: readonly BankFormat[]; maxBytes: number }) {
  const t = useTranslations("bankTransfer.page");
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<BankFormat>("json");
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said>(null);

  async function send(dryRun: boolean) {
    if (!file) return setSaid({ ok: false, text: t("chooseFile") });
    if (file.size > maxBytes) return setSaid({ ok: false, text: t("tooLarge", { size: file.size, limit: maxBytes }) });
    setBusy(true);
    setSaid(null);
    try {
      const body = new FormData();
      body.set("file", file);
      body.set("format", format);
      body.set("dryRun", String(dryRun));
      const response = await fetch(`/api/v1/banks/${encodeURIComponent(bankId)}/import`, {
        method: "POST",
        body,
        credentials: "same-origin",
      });
      if (!response.ok) {
        setOutcome(null);
        return setSaid({ ok: false, text: await failure(response) });
      }
      const result = (await response.json()) as ImportOutcome;
      setOutcome(result);
      if (result.imported) {
        setSaid({ ok: true, text: t("importedDone", { count: result.questions.length }) });
        router.refresh();
      }
    } catch (error) {
      setSaid({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const ready = outcome && outcome.dryRun && outcome.problems.length === 0 && outcome.questions.length > 0;
  return (
    <Card title={t("importHeading")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
        className="grid gap-3 sm:grid-cols-3 sm:items-start"
        aria-label={t("importHeading")}
      >
        <Labelled id={`${id}-file`} label={t("fileLabel")} hint={t("fileHint", { limit: maxBytes })}>
          {(props) => (
            <input
              {...props}
              type="file"
              accept=".json,.xml,.txt,.gift,.zip"
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                setOutcome(null);
                setSaid(null);
                const guessed = chosen ? formatOf(chosen.name) : null;
                if (guessed) setFormat(guessed);
              }}
              className={`w-full ${fieldClass}`}
            />
          )}
        </Labelled>
        <FormatSelect
          id={`${id}-format`}
          formats={formats}
          value={format}
          onChange={(f) => {
            setFormat(f);
            setOutcome(null);
          }}
          label={t("formatLabel")}
        />
        <div className="sm:pt-7">
          <button type="submit" className={buttonStyles.secondary} disabled={busy}>
            {t("check")}
          </button>
        </div>
      </form>
      <p role="status" className={`mt-3 text-sm ${said?.ok === false ? "text-rose-700" : "text-slate-700"}`}>
        {said?.text ?? ""}
      </p>
      {outcome ? <Report outcome={outcome} /> : null}
      {ready ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button type="button" className={buttonStyles.primary} disabled={busy} onClick={() => void send(false)}>
            {t("importN", { count: outcome.questions.length })}
          </button>
          {outcome.skipped.length ? <Badge tone="amber">{t("skippedBadge", { count: outcome.skipped.length })}</Badge> : null}
        </div>
      ) : null}
    </Card>
  );
}
