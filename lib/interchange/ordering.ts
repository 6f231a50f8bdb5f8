// A state sequence as a Moodle ordering question (qtype_ordering), shared by the XML and GIFT
// writers: the grading nearest to each partial-credit policy here, and items that are told
// apart. Pure.
import type { Policy } from "../questions/schema";

/** qtype_ordering's grading type nearest to this project's partial-credit policies. */
export const ORDERING_GRADING: Record<Policy, string> = {
  "all-or-nothing": "ALL_OR_NOTHING",
  prefix: "ABSOLUTE_POSITION",
  alignment: "LONGEST_ORDERED_SUBSET",
  "per-field": "ABSOLUTE_POSITION",
};

/**
 * The items, a repeated one numbered by its occurrence ("CLOSED (1)" … "CLOSED (2)").
 * qtype_ordering tells items apart by their text, so two items reading "CLOSED" would be one
 * item to it; and two that look the same but differ unseen would be graded by an order the
 * student cannot see. Numbered, their order is the one anyone would give them.
 */
export function distinctItems(items: readonly string[]): string[] {
  const total = new Map<string, number>();
  for (const item of items) total.set(item, (total.get(item) ?? 0) + 1);
  const seen = new Map<string, number>();
  return items.map((item) => {
    if (total.get(item) === 1) return item;
    const n = (seen.get(item) ?? 0) + 1;
    seen.set(item, n);
    return `${item} (${n})`;
  });
}
