// "next": one segment row and the state its sender is in right after sending it.
import { SegmentTable, StateSelect } from "./inputs";
import { SideBySide, segmentRow } from "./side-by-side";
import type { AnswerComponents } from "./types";

export const next: AnswerComponents<"next"> = {
  emptyDraft: () => ({ segment: { from: "", flags: "", seq: null, ack: null }, state: "" }),

  Widget({ draft, onChange, name }) {
    return (
      <div className="flex flex-col gap-3">
        <SegmentTable
          rows={[draft.segment]}
          fixed
          onChange={(rows) => onChange({ segment: rows[0], state: draft.state })}
          caption="The next segment"
        />
        <StateSelect
          id={`${name}-state`}
          label="Its sender's state right after sending it"
          value={draft.state}
          onChange={(state) => onChange({ segment: draft.segment, state })}
        />
      </div>
    );
  },

  Review({ draft, expected }) {
    return (
      <SideBySide
        caption="The next segment and its sender's state"
        said={[segmentRow(draft?.segment), String(draft?.state ?? "—")]}
        truth={[segmentRow(expected.segment), expected.state]}
      />
    );
  },
};
