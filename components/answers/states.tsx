// "states": one ordered list of states per asked endpoint.
import { StateSequenceInput } from "./inputs";
import { SideBySide } from "./side-by-side";
import type { AnswerComponents } from "./types";

const title = (e: string) => `${e === "client" ? "Client" : "Server"} states`;

export const states: AnswerComponents<"states"> = {
  emptyDraft: (format) => ({ states: Object.fromEntries(format.endpoints.map((e) => [e, []])) }),

  Widget({ format, draft, onChange }) {
    const states = draft.states ?? {};
    return (
      <div className="grid gap-4 md:grid-cols-2">
        {format.endpoints.map((e) => (
          <StateSequenceInput
            key={e}
            label={title(e)}
            value={states[e] ?? []}
            onChange={(list) => onChange({ states: { ...states, [e]: list } })}
          />
        ))}
      </div>
    );
  },

  Review({ draft, expected }) {
    const said: Record<string, string[] | undefined> = draft?.states ?? {};
    return (
      <div className="grid gap-4 md:grid-cols-2">
        {Object.entries(expected.states).map(([e, truth]) => (
          <SideBySide key={e} caption={title(e)} said={said[e] ?? []} truth={truth ?? []} />
        ))}
      </div>
    );
  },
};
