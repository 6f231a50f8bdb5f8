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
 * The items told apart: a text met again is numbered by its occurrence ("CLOSED" … "CLOSED (2)"),
 * as the variants already write a state sequence. qtype_ordering tells items apart by their
 * text, so two items reading "CLOSED" would be one item to it; and two that look the same but
 * differ unseen would be graded by an order the student cannot see.
 */
export function distinctItems(items: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item) ?? 0) + 1;
    seen.set(item, n);
    return n === 1 ? item : `${item} (${n})`;
  });
}
