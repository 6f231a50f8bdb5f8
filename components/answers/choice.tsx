// "choice": one of the options, as radio buttons.
import { SideBySide } from "./side-by-side";
import type { AnswerComponents } from "./types";

export const choice: AnswerComponents<"choice"> = {
  emptyDraft: () => ({ choice: null }),

  Widget({ format, draft, onChange, name }) {
    return (
      <fieldset>
        {/* The prompt above says it already; the legend names the group for screen readers. */}
        <legend className="sr-only">{format.question}</legend>
        <div className="flex flex-col gap-2">
          {format.options.map((o) => (
            <label key={o.id} className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 hover:bg-slate-50">
              <input
                type="radio"
                name={`${name}-choice`}
                value={o.id}
                checked={draft.choice === o.id}
                onChange={() => onChange({ choice: o.id })}
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
    );
  },

  Review({ draft, expected, format }) {
    const name = (id: string | null | undefined) => format.options.find((o) => o.id === id)?.label ?? "—";
    return <SideBySide caption="Choice" said={[name(draft?.choice)]} truth={[name(expected.choice)]} />;
  },
};
