// "choice": one of the options, as radio buttons.
import { useTranslations } from "next-intl";
import { useText } from "../use-text";
import { AnswerRows, SideBySide } from "./side-by-side";
import type { AnswerComponents } from "./types";

export const choice: AnswerComponents<"choice"> = {
  emptyDraft: () => ({ choice: null }),

  Widget({ format, draft, onChange, name }) {
    const text = useText();
    return (
      <fieldset>
        {/* The prompt above says it already; the legend names the group for screen readers. */}
        <legend className="sr-only">{text(format.question)}</legend>
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
              {text(o.label)}
            </label>
          ))}
        </div>
      </fieldset>
    );
  },

  Saved({ draft, format }) {
    const t = useTranslations("answers");
    const text = useText();
    const option = format.options.find((o) => o.id === draft?.choice);
    return <AnswerRows caption={t("choice.caption")} said={[option ? text(option.label) : t("review.none")]} />;
  },

  Review({ draft, expected, format }) {
    const t = useTranslations("answers");
    const text = useText();
    const name = (id: string | null | undefined) => {
      const option = format.options.find((o) => o.id === id);
      return option ? text(option.label) : t("review.none");
    };
    return <SideBySide caption={t("choice.caption")} said={[name(draft?.choice)]} truth={[name(expected.choice)]} />;
  },
};
