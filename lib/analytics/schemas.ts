// The shapes of item analysis as the API answers them and the page reads them: zod, so the
// /api/v1 document is generated from the same definitions. Client-safe (no database).
import { z } from "zod";

const Fraction = z.number().min(0).max(1).nullable();
const Correlation = z.number().min(-1).max(1).nullable();

export const ItemRowSchema = z.object({
  item: z.string().describe("The item: `<bankId>:<question key>`, across the question's versions"),
  position: z.number().int().describe("The quiz position the item is asked at (the first, for a draw)"),
  title: z.string(),
  family: z.string(),
  kind: z.string(),
  n: z.number().int().describe("Answers analysed"),
  meanScore: z.number().nullable(),
  maxScore: z.number().nullable(),
  facility: Fraction.describe("Mean fraction of the item's points scored"),
  discrimination: Correlation.describe("Correlation of the item's fraction with the rest of the attempt's (null: undefined)"),
  distribution: z.object({ zero: z.number().int(), partial: z.number().int(), full: z.number().int() }),
  meanTimeSec: z.number().nullable().describe("Mean seconds on the item, from the saved-answer history"),
  timed: z.number().int().describe("Answers with at least one save, over which meanTimeSec is taken"),
});

export const GroupRowSchema = z.object({
  group: z.string(),
  items: z.number().int(),
  n: z.number().int(),
  facility: Fraction,
  discrimination: Correlation.describe("Mean of the items' discriminations"),
  meanTimeSec: z.number().nullable(),
});

export const SectionRowSchema = z.object({
  section: z.string().nullable().describe("null: students with no section"),
  students: z.number().int(),
  mean: Fraction,
  sd: z.number().nullable(),
  min: Fraction,
  max: Fraction,
  facility: Fraction,
});

export const HistogramBinSchema = z.object({ from: z.number(), to: z.number(), count: z.number().int() });

export const ItemAnalyticsSchema = z.object({
  quiz: z.object({ id: z.string(), title: z.string() }),
  summary: z.object({
    students: z.number().int().describe("Students with a submitted attempt; each one's first is analysed"),
    mean: Fraction,
    sd: z.number().nullable(),
    median: Fraction,
    histogram: z.array(HistogramBinSchema).describe("Ten bins of the attempts' score fractions"),
  }),
  items: z.array(ItemRowSchema),
  families: z.array(GroupRowSchema),
  kinds: z.array(GroupRowSchema),
  sections: z.array(SectionRowSchema),
});
export type ItemAnalytics = z.infer<typeof ItemAnalyticsSchema>;
export type ItemRow = z.infer<typeof ItemRowSchema>;
export type GroupRow = z.infer<typeof GroupRowSchema>;
export type SectionRow = z.infer<typeof SectionRowSchema>;

export const AnalyticsQuizSchema = z.object({ id: z.string(), title: z.string(), published: z.boolean(), submitted: z.number().int() });
export type AnalyticsQuizOption = z.infer<typeof AnalyticsQuizSchema>;
