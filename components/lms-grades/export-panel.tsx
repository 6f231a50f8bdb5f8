"use client";
// The export page's form (docs/lms-grades.md): the LMS, the columns and the format's options; the
// file checked on every change (GET …/grades/export/check: its columns, rows, who the LMS cannot
// match, what to know); then the download (GET …/grades/export, recorded on the server), fetched
// here so a refusal is shown on the page and the list of downloads refreshes after it. Under it,
// the quizzes' columns in the chosen LMS.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { GradeCheck } from "@/lib/api/operations/lms-grades";
import {
  BRIGHTSPACE_IDENTIFIERS,
  gradeQueryString,
  LMS_FORMATS,
  MOODLE_IDENTIFIERS,
  TOTAL,
  type BrightspaceIdentifier,
  type GradeFileOptions,
  type LmsColumns,
  type LmsFormat,
  type MoodleIdentifier,
} from "@/lib/lms/grades-client";
import { callApi } from "../api-client";
import { saveDownload } from "../save-download";
import { Labelled, OutcomeMessage, type Outcome } from "../form-fields";
import { buttonStyles, Card, fieldClass } from "../ui";
import { LmsColumnsForm } from "./columns-form";
import { LMS_MENUS, LMS_NAMES } from "./lms-names";

type Settings = {
  bom: boolean;
  pointsPossible: boolean;
  moodleIdentifier: MoodleIdentifier;
  delimiter: "comma" | "tab";
  brightspaceIdentifier: BrightspaceIdentifier;
};

function optionsOf(format: LmsFormat, s: Settings): GradeFileOptions {
  switch (format) {
    case "canvas":
      return { format, bom: s.bom, pointsPossible: s.pointsPossible };
    case "moodle":
      return { format, identifier: s.moodleIdentifier, bom: s.bom };
    case "blackboard":
      return { format, delimiter: s.delimiter };
    case "brightspace":
      return { format, identifier: s.brightspaceIdentifier };
  }
}

export function GradeExportPanel({ courseId, quizzes, canMap }: { courseId: string; quizzes: LmsColumns["quizzes"]; canMap: boolean }) {
  const t = useTranslations("lmsGrades");
  const router = useRouter();
  const [format, setFormat] = useState<LmsFormat>("canvas");
  const [picked, setPicked] = useState<string[]>(() => quizzes.map((q) => q.quizId));
  const [settings, setSettings] = useState<Settings>({
    bom: false,
    pointsPossible: true,
    moodleIdentifier: "email",
    delimiter: "comma",
    brightspaceIdentifier: "orgdefinedid",
  });
  const [check, setCheck] = useState<{ query: string; result: GradeCheck | null; error: string | null } | null>(null);
  const [download, setDownload] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  // A change of the mapping changes the file: the check runs again.
  const [revision, setRevision] = useState(0);

  // The columns in the gradebook's order, whatever order they were ticked in.
  const keys = [...quizzes.map((q) => q.quizId), TOTAL].filter((k) => picked.includes(k));
  const options = optionsOf(format, settings);
  const query = gradeQueryString(keys, options, false);

  useEffect(() => {
    if (keys.length === 0) return;
    const controller = new AbortController();
    callApi<GradeCheck>("GET", `/api/v1/courses/${courseId}/grades/export/check?${query}`, undefined, controller.signal)
      .then((r) => setCheck({ query, result: r.ok ? r.data : null, error: r.ok ? null : r.message }))
      .catch(() => undefined);
    return () => controller.abort();
    // keys and options are in the query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [courseId, query, revision]);

  const current = keys.length > 0 && check?.query === query ? check : null;
  const result = current?.result ?? null;

  async function save() {
    if (!result) return;
    setBusy(true);
    setDownload(null);
    const skip = result.leftOut.length > 0;
    const response = await fetch(`/api/v1/courses/${courseId}/grades/export?${gradeQueryString(keys, options, skip)}`, {
      credentials: "same-origin",
    }).catch(() => null);
    setBusy(false);
    if (!response || !response.ok) {
      const body = (await response?.json().catch(() => null)) as { message?: string } | null;
      return setDownload({ ok: false, text: body?.message ?? response?.statusText ?? "" });
    }
    const name = await saveDownload(response, result.fileName);
    setDownload({ ok: true, text: t("downloaded", { file: name }) });
    router.refresh();
  }

  const toggle = (key: string) => setPicked((p) => (p.includes(key) ? p.filter((k) => k !== key) : [...p, key]));
  const checkbox = (id: string, label: string, checked: boolean, onChange: () => void) => (
    <label key={id} htmlFor={id} className="flex items-start gap-2 text-sm text-slate-800">
      <input id={id} type="checkbox" className="mt-1" checked={checked} onChange={onChange} />
      <span>{label}</span>
    </label>
  );

  return (
    <>
      <Card title={t("form")}>
        <form className="space-y-5" aria-label={t("form")} onSubmit={(e) => e.preventDefault()}>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">{t("format")}</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {LMS_FORMATS.map((f) => (
                <label key={f} className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                  {LMS_NAMES[f]}
                </label>
              ))}
            </div>
            <p className="text-sm text-slate-600">{t("menu", { lms: LMS_NAMES[format], menu: LMS_MENUS[format] })}</p>
            <p className="text-sm text-slate-600">
              {format === "canvas"
                ? t("match.canvas", { sisUser: "SIS User ID", sisLogin: "SIS Login ID" })
                : format === "moodle"
                  ? t("match.moodle")
                  : format === "blackboard"
                    ? t("match.blackboard", { lms: LMS_NAMES.blackboard, username: "Username" })
                    : t("match.brightspace", { lms: LMS_NAMES.brightspace, identifier: "OrgDefinedId / Username" })}
            </p>
          </fieldset>

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">{t("columns")}</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {quizzes.map((q) =>
                checkbox(`col-${q.quizId}`, t("quizColumn", { title: q.title, max: q.maxScore }), picked.includes(q.quizId), () =>
                  toggle(q.quizId),
                ),
              )}
              {checkbox("col-total", t("total"), picked.includes(TOTAL), () => toggle(TOTAL))}
            </div>
          </fieldset>

          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-800">{t("options")}</legend>
            {format === "moodle" || format === "brightspace" ? (
              <Labelled id="grade-identifier" label={t("identifier")}>
                {(props) => (
                  <select
                    {...props}
                    className={`w-full sm:w-72 ${fieldClass}`}
                    value={format === "moodle" ? settings.moodleIdentifier : settings.brightspaceIdentifier}
                    onChange={(e) =>
                      setSettings(
                        format === "moodle"
                          ? { ...settings, moodleIdentifier: e.target.value as MoodleIdentifier }
                          : { ...settings, brightspaceIdentifier: e.target.value as BrightspaceIdentifier },
                      )
                    }
                  >
                    {(format === "moodle" ? MOODLE_IDENTIFIERS : BRIGHTSPACE_IDENTIFIERS).map((id) => (
                      <option key={id} value={id}>
                        {id === "email"
                          ? t("identifiers.email")
                          : id === "username"
                            ? t("identifiers.username")
                            : id === "idnumber"
                              ? t("identifiers.idnumber")
                              : t("identifiers.orgdefinedid")}
                      </option>
                    ))}
                  </select>
                )}
              </Labelled>
            ) : null}
            {format === "blackboard" ? (
              <Labelled id="grade-delimiter" label={t("delimiter")}>
                {(props) => (
                  <select
                    {...props}
                    className={`w-full sm:w-72 ${fieldClass}`}
                    value={settings.delimiter}
                    onChange={(e) => setSettings({ ...settings, delimiter: e.target.value === "tab" ? "tab" : "comma" })}
                  >
                    <option value="comma">{t("comma")}</option>
                    <option value="tab">{t("tab")}</option>
                  </select>
                )}
              </Labelled>
            ) : null}
            {format === "canvas"
              ? checkbox("grade-points-possible", t("pointsPossible"), settings.pointsPossible, () =>
                  setSettings({ ...settings, pointsPossible: !settings.pointsPossible }),
                )
              : null}
            {format === "canvas" || format === "moodle"
              ? checkbox("grade-bom", t("bom"), settings.bom, () => setSettings({ ...settings, bom: !settings.bom }))
              : null}
          </fieldset>
        </form>

        <div className="mt-5 space-y-4 border-t border-slate-200 pt-4" aria-live="polite">
          {keys.length === 0 ? (
            <p role="alert" className="text-sm text-rose-700">
              {t("pickColumn")}
            </p>
          ) : !current ? (
            <p className="text-sm text-slate-600">{t("checking")}</p>
          ) : current.error ? (
            <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
              {current.error}
            </p>
          ) : result ? (
            <FileCheck result={result} courseId={courseId} />
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className={buttonStyles.primary} disabled={!result || busy} onClick={save}>
              {busy
                ? t("downloading")
                : result && result.leftOut.length > 0
                  ? t("downloadSkipping", { count: result.leftOut.length })
                  : t("download")}
            </button>
            <OutcomeMessage outcome={download} />
          </div>
        </div>
      </Card>

      <Card title={t("mapping.title")}>
        <LmsColumnsForm
          key={format}
          courseId={courseId}
          lms={format}
          lmsName={LMS_NAMES[format]}
          quizzes={quizzes}
          editable={canMap}
          onSaved={() => setRevision((r) => r + 1)}
        />
      </Card>
    </>
  );
}

function FileCheck({ result, courseId }: { result: GradeCheck; courseId: string }) {
  const t = useTranslations("lmsGrades");
  return (
    <div className="space-y-3">
      <p className="break-all text-sm font-medium text-slate-800">
        {t("summary", { file: result.fileName, rows: result.rowCount, columns: result.columns.length })}
      </p>
      <div className="relative overflow-x-auto contain-inline-size">
        <table className="w-full text-left text-sm">
          <caption className="mb-1 text-left font-medium text-slate-800">{t("fileColumns")}</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                {t("titleInLms")}
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                {t("columnId")}
              </th>
              <th scope="col" className="py-1 font-medium">
                {t("points")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.columns.map((c) => (
              <tr key={c.key} className="border-b border-slate-100">
                <td className="break-words py-1 pr-4">{c.title}</td>
                <td className="py-1 pr-4 font-mono">{c.externalId ?? t("noId")}</td>
                <td className="py-1">{c.maxScore}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.warnings.length > 0 ? (
        <div className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">{t("warningsTitle")}</p>
          <ul className="ml-5 list-disc">
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.leftOut.length > 0 ? (
        <div className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900" role="alert">
          <p className="font-medium">{t("leftOutTitle", { count: result.leftOut.length })}</p>
          <p>
            {t("leftOutHint")}{" "}
            <a className="font-medium underline" href={`/courses/${courseId}/roster`}>
              {t("roster")}
            </a>
          </p>
          <ul className="ml-5 list-disc break-words">
            {result.leftOut.map((s) => (
              <li key={s.userId}>
                {s.reason === "unsafe"
                  ? t("leftOut.unsafe", { name: s.name, email: s.email })
                  : t("leftOut.missing", { name: s.name, email: s.email })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
