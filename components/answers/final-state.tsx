// "final-state": one state per asked endpoint.
import { StateSelect } from "./inputs";
import { SideBySide } from "./side-by-side";
import type { AnswerComponents } from "./types";

export const finalState: AnswerComponents<"final-state"> = {
  emptyDraft: (format) => ({ states: Object.fromEntries(format.endpoints.map((e) => [e, ""])) }),

  Widget({ format, draft, onChange, name }) {
    const states = draft.states ?? {};
    return (
      <div className="flex flex-wrap gap-4">
        {format.endpoints.map((e) => (
          <StateSelect
            key={e}
            id={`${name}-${e}`}
            label={`The ${e}'s state`}
            value={states[e] ?? ""}
            onChange={(s) => onChange({ states: { ...states, [e]: s } })}
          />
        ))}
      </div>
    );
  },

  Review({ draft, expected }) {
    const said: Record<string, string | undefined> = draft?.states ?? {};
    const truth: Record<string, string | undefined> = expected.states;
    const endpoints = Object.keys(truth);
    return (
      <SideBySide
        caption="States"
        said={endpoints.map((e) => `${e}: ${said[e] || "—"}`)}
        truth={endpoints.map((e) => `${e}: ${truth[e]}`)}
      />
    );
  },
};
