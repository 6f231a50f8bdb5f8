// "final-state": one state per asked endpoint.
import { useTranslations } from "next-intl";
import { endpointText } from "@/lib/questions/client";
import { useText } from "../use-text";
import { StateSelect } from "./inputs";
import { AnswerRows, SideBySide } from "./side-by-side";
import type { AnswerComponents } from "./types";

export const finalState: AnswerComponents<"final-state"> = {
  emptyDraft: (format) => ({ states: Object.fromEntries(format.endpoints.map((e) => [e, ""])) }),

  Widget({ format, draft, onChange, name }) {
    const t = useTranslations("answers.finalState");
    const states = draft.states ?? {};
    return (
      <div className="flex flex-wrap gap-4">
        {format.endpoints.map((e) => (
          <StateSelect
            key={e}
            id={`${name}-${e}`}
            label={t("label", { endpoint: e })}
            value={states[e] ?? ""}
            onChange={(s) => onChange({ states: { ...states, [e]: s } })}
          />
        ))}
      </div>
    );
  },

  Saved({ draft, format }) {
    const t = useTranslations("answers");
    const text = useText();
    const said: Record<string, string | undefined> = draft?.states ?? {};
    return (
      <AnswerRows
        caption={t("finalState.caption")}
        said={format.endpoints.map((e) => t("review.row", { label: text(endpointText(e)), value: said[e] || t("review.none") }))}
      />
    );
  },

  Review({ draft, expected }) {
    const t = useTranslations("answers");
    const text = useText();
    const said: Record<string, string | undefined> = draft?.states ?? {};
    const truth: Record<string, string | undefined> = expected.states;
    const endpoints = Object.keys(truth);
    const row = (e: string, state: string | undefined) =>
      t("review.row", { label: text(endpointText(e)), value: state || t("review.none") });
    return (
      <SideBySide
        caption={t("finalState.caption")}
        said={endpoints.map((e) => row(e, said[e]))}
        truth={endpoints.map((e) => row(e, truth[e]))}
      />
    );
  },
};
