// "next": one segment row and the state its sender is in right after sending it.
import { useTranslations } from "next-intl";
import { SegmentTable, StateSelect } from "./inputs";
import { AnswerRows, SideBySide, useSegmentRow } from "./side-by-side";
import type { AnswerComponents } from "./types";

export const next: AnswerComponents<"next"> = {
  emptyDraft: () => ({ segment: { from: "", flags: "", seq: null, ack: null }, state: "" }),

  Widget({ draft, onChange, name }) {
    const t = useTranslations("answers.next");
    return (
      <div className="flex flex-col gap-3">
        <SegmentTable
          rows={[draft.segment]}
          fixed
          onChange={(rows) => onChange({ segment: rows[0], state: draft.state })}
          caption={t("caption")}
        />
        <StateSelect
          id={`${name}-state`}
          label={t("state")}
          value={draft.state}
          onChange={(state) => onChange({ segment: draft.segment, state })}
        />
      </div>
    );
  },

  Saved({ draft }) {
    const t = useTranslations("answers");
    const segmentRow = useSegmentRow();
    return <AnswerRows caption={t("next.review")} said={[segmentRow(draft?.segment), draft?.state || t("review.none")]} />;
  },

  Review({ draft, expected }) {
    const t = useTranslations("answers");
    const segmentRow = useSegmentRow();
    return (
      <SideBySide
        caption={t("next.review")}
        said={[segmentRow(draft?.segment), draft?.state || t("review.none")]}
        truth={[segmentRow(expected.segment), expected.state]}
      />
    );
  },
};
