"use client";
// Bring your own capture: pick or drop a pcap/pcapng file, see its TCP connections, choose
// one and where it was captured, and see it beside the engine's run of the same story. The
// file's bytes go to POST /api/v1/captures (the API and this page are one implementation);
// nothing is stored, so each choice sends the file again — a teaching capture is kilobytes.
import { useTranslations } from "next-intl";
import { useId, useState, type DragEvent } from "react";
import type { CaptureImport as CaptureData } from "@/lib/authoring/capture-import";
import type { EditableBank } from "../sandbox/make-question";
import { CaptureResult } from "./capture-result";
import { ConnectionTable } from "./connection-table";

type VantageChoice = "auto" | "client" | "server";

/** Mirrors MAX_CAPTURE_BYTES (lib/capture/errors.ts): checked here only to say so before uploading. */
const MAX_BYTES = 16 * 1024 * 1024;

type Answer = { ok: true; data: CaptureData } | { ok: false; message: string };

async function send(
  file: File,
  connection: number | null,
  vantage: VantageChoice,
  unexpected: (status: number) => string,
): Promise<Answer> {
  const query = new URLSearchParams();
  if (connection !== null) query.set("connection", String(connection));
  if (vantage !== "auto") query.set("vantage", vantage);
  const response = await fetch(`/api/v1/captures${query.size ? `?${query}` : ""}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: file,
  }).catch(() => null);
  if (!response) return { ok: false, message: unexpected(0) };
  const body = (await response.json().catch(() => null)) as (CaptureData & { message?: string }) | null;
  if (response.ok && body) return { ok: true, data: body };
  return { ok: false, message: body?.message ?? unexpected(response.status) };
}

export function CaptureImport({ maxBytesText, banks }: { maxBytesText: string; banks: readonly EditableBank[] }) {
  const t = useTranslations("capture");
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [data, setData] = useState<CaptureData | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [compareError, setCompareError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"reading" | "working" | null>(null);
  const [vantage, setVantage] = useState<VantageChoice>("auto");
  const [dragging, setDragging] = useState(false);
  const unexpected = (status: number) => t("upload.unexpected", { status: String(status) });

  async function choose(next: File) {
    setFile(next);
    setData(null);
    setCompareError(null);
    if (next.size > MAX_BYTES) {
      setFileError(t("upload.failed", { file: next.name, reason: maxBytesText }));
      return;
    }
    setFileError(null);
    setBusy("reading");
    const answer = await send(next, null, vantage, unexpected);
    setBusy(null);
    if (answer.ok) setData(answer.data);
    else setFileError(t("upload.failed", { file: next.name, reason: answer.message }));
  }

  async function compare(connection: number, along: VantageChoice = vantage) {
    if (!file || !data) return;
    setBusy("working");
    setCompareError(null);
    const answer = await send(file, connection, along, unexpected);
    setBusy(null);
    if (answer.ok) setData(answer.data);
    else {
      setData({ ...data, analysis: null });
      setCompareError(answer.message);
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void choose(dropped);
  }

  const chosen = data?.analysis?.connection ?? null;
  const status =
    busy === "reading" && file
      ? t("upload.reading", { file: file.name })
      : busy === "working"
        ? t("result.working")
        : data && file
          ? t("upload.read", { file: file.name, format: data.format, frames: data.frameCount })
          : "";

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${id}-file`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id={`${id}-file`} className="mb-3 text-lg font-semibold text-slate-900">
          {t("upload.title")}
        </h2>
        <div
          role="group"
          aria-label={t("upload.dropZone")}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex flex-col gap-2 rounded-lg border-2 border-dashed p-4 ${dragging ? "border-accent-600 bg-accent-50" : "border-slate-300 bg-slate-50"}`}
        >
          <label htmlFor={`${id}-input`} className="text-sm font-medium text-slate-800">
            {t("upload.label")}
          </label>
          <input
            id={`${id}-input`}
            type="file"
            accept=".pcap,.pcapng,.cap,application/vnd.tcpdump.pcap,application/x-pcapng"
            aria-describedby={`${id}-hint${fileError ? ` ${id}-error` : ""}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => {
              const picked = event.target.files?.[0];
              if (picked) void choose(picked);
            }}
            className="max-w-full text-sm text-slate-800 file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
          <p className="text-sm text-slate-600">{t("upload.drop")}</p>
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {t("upload.hint", { bytes: MAX_BYTES, command: "tcpdump -i any -s 0 -w trace.pcap 'port N'" })}
          </p>
          {fileError ? (
            <p id={`${id}-error`} role="alert" className="text-sm text-rose-700">
              {fileError}
            </p>
          ) : null}
        </div>
        <p aria-live="polite" className="mt-2 text-sm text-slate-700">
          {status}
        </p>
      </section>

      {data && file ? (
        <section aria-labelledby={`${id}-connections`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id={`${id}-connections`} className="mb-3 text-lg font-semibold text-slate-900">
            {t("connections.title")}
          </h2>
          <fieldset className="mb-4 flex flex-wrap gap-x-5 gap-y-2">
            <legend className="mb-1 text-sm font-medium text-slate-800">{t("vantage.legend")}</legend>
            {(["auto", "client", "server"] as const).map((choice) => (
              <label key={choice} className="inline-flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name={`${id}-vantage`}
                  value={choice}
                  checked={vantage === choice}
                  onChange={() => {
                    setVantage(choice);
                    if (chosen !== null) void compare(chosen, choice);
                  }}
                />
                {choice === "auto" ? t("vantage.auto") : choice === "client" ? t("vantage.client") : t("vantage.server")}
              </label>
            ))}
          </fieldset>
          <ConnectionTable file={file.name} connections={data.connections} chosen={chosen} busy={busy !== null} onCompare={compare} />
          {compareError ? (
            <p role="alert" className="mt-3 text-sm text-rose-700">
              {compareError}
            </p>
          ) : null}
        </section>
      ) : null}

      {data?.analysis ? <CaptureResult analysis={data.analysis} banks={banks} /> : null}
    </div>
  );
}
