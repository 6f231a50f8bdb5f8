// "states": one ordered list of states per asked endpoint.
import { useTranslations } from "next-intl";
import { StateSequenceInput } from "./inputs";
import { AnswerRows, SideBySide } from "./side-by-side";
import type { AnswerComponents } from "./types";

export const states: AnswerComponents<"states"> = {
  emptyDraft: (format) => ({ states: Object.fromEntries(format.endpoints.map((e) => [e, []])) }),

  Widget({ format, draft, onChange }) {
    const t = useTranslations("answers.states");
    const states = draft.states ?? {};
    return (
      <div className="grid gap-4 md:grid-cols-2">
        {format.endpoints.map((e) => (
          <StateSequenceInput
            key={e}
            label={t("caption", { endpoint: e })}
            paletteLabel={t("palette", { endpoint: e })}
            value={states[e] ?? []}
            onChange={(list) => onChange({ states: { ...states, [e]: list } })}
          />
        ))}
      </div>
    );
  },

  Saved({ draft, format }) {
    const t = useTranslations("answers.states");
    const said: Record<string, string[] | undefined> = draft?.states ?? {};
    return (
      <div className="grid gap-4 md:grid-cols-2">
        {format.endpoints.map((e) => (
          <AnswerRows key={e} caption={t("caption", { endpoint: e })} said={said[e] ?? []} />
        ))}
      </div>
    );
  },

  Review({ draft, expected }) {
    const t = useTranslations("answers.states");
    const said: Record<string, string[] | undefined> = draft?.states ?? {};
    return (
      <div className="grid gap-4 md:grid-cols-2">
        {Object.entries(expected.states).map(([e, truth]) => (
          <SideBySide key={e} caption={t("caption", { endpoint: e })} said={said[e] ?? []} truth={truth ?? []} />
        ))}
      </div>
    );
  },
};
