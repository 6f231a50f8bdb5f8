// The answer review's table: the student's answer and what happens, row by row.
import { useTranslations } from "next-intl";
import { describeSegmentAnswer, endpointText, type SegmentDraft } from "@/lib/questions/client";
import { useText } from "../use-text";

/** "client: ACK seq=1001 ack=5002", "—" for a missing row, in the reader's language. */
export function useSegmentRow(): (s: Pick<SegmentDraft, "from" | "flags" | "seq" | "ack"> | undefined) => string {
  const t = useTranslations("answers.review");
  const text = useText();
  return (s) => (s ? t("row", { label: s.from ? text(endpointText(s.from)) : "?", value: text(describeSegmentAnswer(s)) }) : t("none"));
}

/** Two columns, row by row; rows that differ are marked. */
export function SideBySide({ caption, said, truth }: { caption: string; said: string[]; truth: string[] }) {
  const t = useTranslations("answers.sideBySide");
  const review = useTranslations("answers.review");
  const none = review("none");
  const rows = Math.max(said.length, truth.length);
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left font-medium text-slate-800">{caption}</caption>
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="w-10 py-1 font-medium">
            {t("number")}
          </th>
          <th scope="col" className="py-1 font-medium">
            {t("yours")}
          </th>
          <th scope="col" className="py-1 font-medium">
            {t("truth")}
          </th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {Array.from({ length: rows }, (_, i) => {
          const same = said[i] === truth[i];
          return (
            <tr key={i} className={same ? "" : "bg-rose-50"}>
              <td className="py-0.5 text-slate-500">{i + 1}</td>
              <td className="py-0.5">
                {said[i] ?? none}
                {!same ? <span className="sr-only"> {t("differs")}</span> : null}
              </td>
              <td className="py-0.5">{truth[i] ?? none}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The student's answer alone, row by row: what a submitted attempt shows before its feedback is released. */
export function AnswerRows({ caption, said }: { caption: string; said: string[] }) {
  const t = useTranslations("answers.sideBySide");
  const none = useTranslations("answers.review")("none");
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left font-medium text-slate-800">{caption}</caption>
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="w-10 py-1 font-medium">
            {t("number")}
          </th>
          <th scope="col" className="py-1 font-medium">
            {t("yours")}
          </th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {(said.length ? said : [none]).map((row, i) => (
          <tr key={i}>
            <td className="py-0.5 text-slate-500">{i + 1}</td>
            <td className="py-0.5 break-words">{row}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
