// Which part of a submitted attempt's review a page shows: one question (the URL's ?q=3, so a
// reload, a shared link and the back button land on it) or every question (?q=all, for
// printing). Anything else in ?q (missing, a number the attempt has not, text) reads as its
// first question rather than an error: the review is the same attempt either way.
export type ReviewPage = { mode: "one"; position: number; previous: number | null; next: number | null } | { mode: "all" };

export const SHOW_ALL = "all";

export function reviewPageOf(q: string | string[] | undefined, positions: readonly number[]): ReviewPage {
  const asked = Array.isArray(q) ? q[0] : q;
  if (asked === SHOW_ALL || positions.length === 0) return { mode: "all" };
  const wanted = asked !== undefined && /^\d{1,6}$/.test(asked) ? Number(asked) : NaN;
  const index = Math.max(0, positions.indexOf(wanted));
  return {
    mode: "one",
    position: positions[index],
    previous: index > 0 ? positions[index - 1] : null,
    next: index < positions.length - 1 ? positions[index + 1] : null,
  };
}
