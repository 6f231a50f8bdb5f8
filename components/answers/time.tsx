// "time": milliseconds, or "it never happens".
import { useTranslations } from "next-intl";
import { TimeInput } from "./inputs";
import { AnswerRows, SideBySide } from "./side-by-side";
import type { AnswerComponents } from "./types";

function shownTime(t: ReturnType<typeof useTranslations<"answers">>, ms: number | "never" | null | undefined): string {
  return ms === undefined || ms === null ? t("review.none") : ms === "never" ? t("time.never") : t("time.ms", { ms });
}

export const time: AnswerComponents<"time"> = {
  emptyDraft: () => ({ ms: null }),

  Widget({ draft, onChange, name }) {
    return <TimeInput id={`${name}-ms`} value={draft.ms} onChange={(ms) => onChange({ ms })} />;
  },

  Saved({ draft }) {
    const t = useTranslations("answers");
    return <AnswerRows caption={t("time.caption")} said={[shownTime(t, draft?.ms)]} />;
  },

  Review({ draft, expected }) {
    const t = useTranslations("answers");
    const shown = (ms: number | "never" | null | undefined) => shownTime(t, ms);
    return <SideBySide caption={t("time.caption")} said={[shown(draft?.ms)]} truth={[shown(expected.ms)]} />;
  },
};
