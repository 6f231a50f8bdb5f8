// "segments": segment rows (sender, flags, seq, ack), as many as asked, more can be added.
import { useTranslations } from "next-intl";
import { SegmentTable } from "./inputs";
import { AnswerRows, SideBySide, useSegmentRow } from "./side-by-side";
import type { AnswerComponents } from "./types";

export const segments: AnswerComponents<"segments"> = {
  emptyDraft: (format) => ({ segments: Array.from({ length: format.count }, () => ({ from: "", flags: "", seq: null, ack: null })) }),

  Widget({ draft, onChange }) {
    return <SegmentTable rows={draft.segments ?? []} onChange={(segments) => onChange({ segments })} />;
  },

  Saved({ draft }) {
    const t = useTranslations("answers.segments");
    const segmentRow = useSegmentRow();
    return <AnswerRows caption={t("caption")} said={(draft?.segments ?? []).map(segmentRow)} />;
  },

  Review({ draft, expected }) {
    const t = useTranslations("answers.segments");
    const segmentRow = useSegmentRow();
    return <SideBySide caption={t("caption")} said={(draft?.segments ?? []).map(segmentRow)} truth={expected.segments.map(segmentRow)} />;
  },
};
