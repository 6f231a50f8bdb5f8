// "segments": segment rows (sender, flags, seq, ack), as many as asked, more can be added.
import { SegmentTable } from "./inputs";
import { SideBySide, segmentRow } from "./side-by-side";
import type { AnswerComponents } from "./types";

export const segments: AnswerComponents<"segments"> = {
  emptyDraft: (format) => ({ segments: Array.from({ length: format.count }, () => ({ from: "", flags: "", seq: null, ack: null })) }),

  Widget({ draft, onChange }) {
    return <SegmentTable rows={draft.segments ?? []} onChange={(segments) => onChange({ segments })} />;
  },

  Review({ draft, expected }) {
    return <SideBySide caption="Segments" said={(draft?.segments ?? []).map(segmentRow)} truth={expected.segments.map(segmentRow)} />;
  },
};
