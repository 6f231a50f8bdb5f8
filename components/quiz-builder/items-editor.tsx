"use client";
// A quiz's items: fixed questions (picked bank → question, pinned to the version shown) and
// "draw k from a bank (with a tag)", each with its points, in order. The list is edited here
// and saved whole (PUT …/items); once students have attempts the server refuses removing,
// reordering or re-pinning an item (409) and says why, which is shown as it is.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { OutcomeMessage, type Outcome } from "@/components/form-fields";
import { buttonStyles, fieldClass } from "@/components/ui";
import type { BuilderChoices, QuizDetail, QuizItemView } from "@/lib/authoring/quizzes";
import { callApi } from "./api";

type Draft =
  | {
      kind: "fixed";
      id?: string;
      questionId: string;
      points: string;
      label: string;
      version: number;
      latest?: { id: string; version: number };
      archived: boolean;
    }
  | { kind: "draw"; id?: string; bankId: string; tag: string | null; count: number; points: string; bankTitle: string; available: number };

const inputClass = fieldClass;

function draftOf(item: QuizItemView): Draft {
  return item.kind === "fixed"
    ? {
        kind: "fixed",
        id: item.id,
        questionId: item.questionId,
        points: String(item.points),
        label: item.title,
        version: item.version,
        latest: item.latestVersion > item.version ? { id: item.latestQuestionId, version: item.latestVersion } : undefined,
        archived: item.archived,
      }
    : {
        kind: "draw",
        id: item.id,
        bankId: item.bankId,
        tag: item.tag,
        count: item.count,
        points: String(item.points),
        bankTitle: item.bankTitle,
        available: item.available,
      };
}

export function ItemsEditor({
  courseId,
  quiz,
  choices,
  canEdit,
}: {
  courseId: string;
  quiz: QuizDetail;
  choices: BuilderChoices;
  canEdit: boolean;
}) {
  const t = useTranslations("quizBuilder.items");
  const router = useRouter();
  const uid = useId();
  const [items, setItems] = useState<Draft[]>(() => quiz.itemList.map(draftOf));
  const [message, setMessage] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const firstBank = choices.banks[0]?.id ?? "";
  const [fixedBank, setFixedBank] = useState(firstBank);
  const [fixedQuestion, setFixedQuestion] = useState("");
  const [drawBank, setDrawBank] = useState(firstBank);
  const [drawTag, setDrawTag] = useState("");
  const [drawCount, setDrawCount] = useState("1");
  const bank = (id: string) => choices.banks.find((b) => b.id === id);
  const fixedQuestions = bank(fixedBank)?.questions ?? [];
  const tagsOf = (id: string) => [...new Set((bank(id)?.questions ?? []).flatMap((q) => q.tags))].sort();
  const availableIn = (id: string, tag: string | null) => (bank(id)?.questions ?? []).filter((q) => !tag || q.tags.includes(tag)).length;

  const change = (index: number, patch: Partial<Draft>) =>
    setItems((list) => list.map((item, i) => (i === index ? ({ ...item, ...patch } as Draft) : item)));
  const move = (index: number, by: -1 | 1) =>
    setItems((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  function addFixed() {
    const q = fixedQuestions.find((x) => x.id === (fixedQuestion || fixedQuestions[0]?.id));
    if (!q) return;
    setItems((list) => [...list, { kind: "fixed", questionId: q.id, points: "1", label: q.title, version: q.version, archived: false }]);
  }
  function addDraw() {
    const b = bank(drawBank);
    if (!b) return;
    const tag = drawTag || null;
    setItems((list) => [
      ...list,
      {
        kind: "draw",
        bankId: b.id,
        tag,
        count: Math.max(1, Math.floor(Number(drawCount) || 1)),
        points: "1",
        bankTitle: b.title,
        available: availableIn(b.id, tag),
      },
    ]);
  }

  async function save() {
    setBusy(true);
    setMessage(null);
    const body = {
      items: items.map((item) =>
        item.kind === "fixed"
          ? { kind: "fixed", id: item.id, questionId: item.questionId, points: Number(item.points) }
          : { kind: "draw", id: item.id, bankId: item.bankId, tag: item.tag, count: item.count, points: Number(item.points) },
      ),
    };
    const result = await callApi<QuizDetail>("PUT", `/api/v1/courses/${courseId}/quizzes/${quiz.id}/items`, body);
    setBusy(false);
    if (!result.ok) {
      const issues = result.issues.map((i) =>
        typeof i.path[1] === "number" ? t("issueAt", { position: i.path[1] + 1, message: i.message }) : i.message,
      );
      setMessage({ ok: false, text: [result.message || t("failed"), ...issues].join(" ") });
      return;
    }
    setItems(result.data.itemList.map(draftOf));
    setMessage({ ok: true, text: t("saved") });
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4 text-center text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label={t("listLabel")}>
          {items.map((item, index) => {
            const position = index + 1;
            return (
              <li key={item.id ?? `new-${index}`} className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-medium text-slate-900">
                    <span className="mr-2 font-mono text-slate-500">{position}.</span>
                    {item.kind === "fixed"
                      ? t("fixed", { title: item.label, version: item.version })
                      : item.tag
                        ? t("drawTagged", { count: item.count, bank: item.bankTitle, tag: item.tag })
                        : t("drawAny", { count: item.count, bank: item.bankTitle })}
                  </p>
                  {item.kind === "draw" ? (
                    <span className={`text-sm ${item.available < item.count ? "text-rose-700" : "text-slate-600"}`}>
                      {t("available", { available: item.available })}
                    </span>
                  ) : item.archived ? (
                    <span className="text-sm text-amber-800">{t("archived")}</span>
                  ) : null}
                </div>
                {item.kind === "fixed" && item.latest && canEdit ? (
                  <p className="text-sm text-slate-700">
                    {t("newer", { version: item.latest.version })}{" "}
                    <button
                      type="button"
                      className="text-accent-700 underline"
                      onClick={() => change(index, { questionId: item.latest!.id, version: item.latest!.version, latest: undefined })}
                    >
                      {t("pin", { version: item.latest.version, position })}
                    </button>
                  </p>
                ) : null}
                <div className="flex flex-wrap items-end gap-3">
                  <div className="flex flex-col gap-1">
                    <label htmlFor={`${uid}-points-${index}`} className="text-sm font-medium text-slate-800">
                      {t("points", { position })}
                    </label>
                    <input
                      id={`${uid}-points-${index}`}
                      type="number"
                      min={0}
                      step="any"
                      inputMode="decimal"
                      className={`${inputClass} w-28`}
                      value={item.points}
                      disabled={!canEdit}
                      onChange={(e) => change(index, { points: e.target.value })}
                    />
                  </div>
                  {canEdit ? (
                    <div className="flex flex-wrap gap-2">
                      <button
                        type="button"
                        className={buttonStyles.secondary}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                        aria-label={t("moveUp", { position })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className={buttonStyles.secondary}
                        disabled={index === items.length - 1}
                        onClick={() => move(index, 1)}
                        aria-label={t("moveDown", { position })}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className={buttonStyles.danger}
                        onClick={() => setItems((list) => list.filter((_, i) => i !== index))}
                      >
                        {t("remove", { position })}
                      </button>
                    </div>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {canEdit ? (
        choices.banks.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noBanks")}</p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3">
              <legend className="px-1 text-sm font-semibold text-slate-800">{t("addFixedTitle")}</legend>
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                {t("bank")}
                <select
                  className={`${inputClass} w-full`}
                  value={fixedBank}
                  onChange={(e) => {
                    setFixedBank(e.target.value);
                    setFixedQuestion("");
                  }}
                >
                  {choices.banks.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.title}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                {t("question")}
                <select
                  className={`${inputClass} w-full`}
                  value={fixedQuestion || fixedQuestions[0]?.id || ""}
                  onChange={(e) => setFixedQuestion(e.target.value)}
                >
                  {fixedQuestions.map((q) => (
                    <option key={q.id} value={q.id}>
                      {t("questionOption", { title: q.title, version: q.version })}
                    </option>
                  ))}
                </select>
              </label>
              <div>
                <button type="button" className={buttonStyles.secondary} onClick={addFixed} disabled={fixedQuestions.length === 0}>
                  {t("addFixed")}
                </button>
              </div>
            </fieldset>
            <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3">
              <legend className="px-1 text-sm font-semibold text-slate-800">{t("addDrawTitle")}</legend>
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                {t("drawBank")}
                <select
                  className={`${inputClass} w-full`}
                  value={drawBank}
                  onChange={(e) => {
                    setDrawBank(e.target.value);
                    setDrawTag("");
                  }}
                >
                  {choices.banks.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.title}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                {t("tag")}
                <select className={`${inputClass} w-full`} value={drawTag} onChange={(e) => setDrawTag(e.target.value)}>
                  <option value="">{t("anyTag")}</option>
                  {tagsOf(drawBank).map((tag) => (
                    <option key={tag} value={tag}>
                      {tag}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                {t("count")}
                <input
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                  className={`${inputClass} w-28`}
                  value={drawCount}
                  onChange={(e) => setDrawCount(e.target.value)}
                />
              </label>
              <p className="text-xs text-slate-600">{t("available", { available: availableIn(drawBank, drawTag || null) })}</p>
              <div>
                <button type="button" className={buttonStyles.secondary} onClick={addDraw}>
                  {t("addDraw")}
                </button>
              </div>
            </fieldset>
          </div>
        )
      ) : null}
      <OutcomeMessage outcome={message} />
      {canEdit ? (
        <div>
          <button type="button" className={buttonStyles.primary} onClick={save} disabled={busy}>
            {busy ? t("saving") : t("save")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
