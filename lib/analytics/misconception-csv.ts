// The misconceptions report's two tables as CSV columns (written by lib/api/csv.ts): the same
// rows as the page's tables, headings and sentences in the reader's language, keys and
// feature ids as they are (for joining files). Pure.
import { msg, type Text } from "../i18n/msg";
import type { FeatureGroup, Misconception, MisconceptionReport } from "./misconceptions";

type Column<R> = { header: string; value: (row: R) => string | number | null };
type Render = (text: Text | null | undefined) => string;

/** A share as a fraction with four decimals (0.5 for half the class). */
const share = (x: number) => Math.round(x * 10_000) / 10_000;

export const misconceptionCsv = {
  misconceptions(report: MisconceptionReport, text: Render): { rows: Misconception[]; columns: Column<Misconception>[] } {
    return {
      rows: report.misconceptions,
      columns: [
        { header: text(msg("misconceptions.csv.misconception")), value: (m) => text(m.sentence) },
        { header: text(msg("misconceptions.csv.key")), value: (m) => m.id },
        { header: text(msg("misconceptions.csv.answers")), value: (m) => m.count },
        { header: text(msg("misconceptions.csv.students")), value: (m) => m.students },
        { header: text(msg("misconceptions.csv.share")), value: (m) => share(m.share) },
        {
          header: text(msg("misconceptions.csv.example1")),
          value: (m) => (m.examples[0] ? `${m.examples[0].userName}: ${text(m.examples[0].answer)}` : null),
        },
        {
          header: text(msg("misconceptions.csv.example2")),
          value: (m) => (m.examples[1] ? `${m.examples[1].userName}: ${text(m.examples[1].answer)}` : null),
        },
        { header: text(msg("misconceptions.csv.practice")), value: (m) => m.practice },
      ],
    };
  },

  features(report: MisconceptionReport, text: Render): { rows: FeatureGroup[]; columns: Column<FeatureGroup>[] } {
    const sentence = new Map(report.misconceptions.map((m) => [m.id, m.sentence]));
    return {
      rows: report.features,
      columns: [
        { header: text(msg("misconceptions.csv.feature")), value: (f) => text(f.label) },
        { header: text(msg("misconceptions.csv.featureId")), value: (f) => f.feature },
        { header: text(msg("misconceptions.csv.answers")), value: (f) => f.answers },
        { header: text(msg("misconceptions.csv.wrong")), value: (f) => f.wrong },
        { header: text(msg("misconceptions.csv.students")), value: (f) => f.students },
        { header: text(msg("misconceptions.csv.share")), value: (f) => share(f.share) },
        { header: text(msg("misconceptions.csv.top")), value: (f) => (f.top ? text(sentence.get(f.top)) : null) },
      ],
    };
  },
};
