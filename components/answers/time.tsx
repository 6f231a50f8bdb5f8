// "time": milliseconds, or "it never happens".
import { TimeInput } from "./inputs";
import { SideBySide } from "./side-by-side";
import type { AnswerComponents } from "./types";

const shown = (ms: number | "never" | null) => (ms === "never" ? "never" : `${ms} ms`);

export const time: AnswerComponents<"time"> = {
  emptyDraft: () => ({ ms: null }),

  Widget({ draft, onChange, name }) {
    return <TimeInput id={`${name}-ms`} value={draft.ms} onChange={(ms) => onChange({ ms })} />;
  },

  Review({ draft, expected }) {
    const ms = draft?.ms;
    return <SideBySide caption="Time" said={[ms === undefined || ms === null ? "—" : shown(ms)]} truth={[shown(expected.ms)]} />;
  },
};
