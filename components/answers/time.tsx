// "time": milliseconds, or "it never happens".
import { useTranslations } from "next-intl";
import { TimeInput } from "./inputs";
import { SideBySide } from "./side-by-side";
import type { AnswerComponents } from "./types";

export const time: AnswerComponents<"time"> = {
  emptyDraft: () => ({ ms: null }),

  Widget({ draft, onChange, name }) {
    return <TimeInput id={`${name}-ms`} value={draft.ms} onChange={(ms) => onChange({ ms })} />;
  },

  Review({ draft, expected }) {
    const t = useTranslations("answers");
    const shown = (ms: number | "never" | null | undefined) =>
      ms === undefined || ms === null ? t("review.none") : ms === "never" ? t("time.never") : t("time.ms", { ms });
    return <SideBySide caption={t("time.caption")} said={[shown(draft?.ms)]} truth={[shown(expected.ms)]} />;
  },
};
