// A submitted attempt's review, one question at a time: every question as a link (the current
// one marked for screen readers), previous and next, and "show all" for printing. Plain links
// carrying ?q=, so the keyboard, the back button and a reload all work without script.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ReviewPage } from "@/lib/attempts/review-page";
import { ReviewFocus } from "./review-focus";
import { buttonStyles } from "./ui";

export interface PagerEntry {
  position: number;
  /** What the link says to a screen reader: the question and, after release, its score. */
  label: string;
  /** The link's colour: full marks, some, none; neutral before release. */
  tone: "accent" | "amber" | "rose" | "slate";
}

const tones: Record<PagerEntry["tone"], string> = {
  accent: "border-accent-700 bg-accent-700 text-white",
  amber: "border-amber-600 bg-amber-100 text-amber-950",
  rose: "border-rose-600 bg-rose-50 text-rose-900",
  slate: "border-slate-400 bg-white text-slate-800",
};

export function ReviewPager({
  href,
  page,
  entries,
  children,
}: {
  /** The review's address, without its query. */
  href: string;
  page: ReviewPage;
  entries: PagerEntry[];
  /** The question or questions shown. */
  children: ReactNode;
}) {
  const t = useTranslations("attempt.review");
  const at = (q: number | "all") => `${href}?q=${q}`;
  const current = page.mode === "one" ? page.position : null;
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t("questions")} className="rounded-xl border border-slate-200 bg-white px-4 py-3">
        <ol className="flex flex-wrap gap-2">
          {entries.map((e) => (
            <li key={e.position}>
              <Link
                href={at(e.position)}
                aria-label={e.label}
                aria-current={e.position === current ? "page" : undefined}
                className={`inline-flex h-9 min-w-9 items-center justify-center rounded-lg border-2 px-2 text-sm font-semibold ${tones[e.tone]} ${
                  e.position === current ? "ring-2 ring-slate-900 ring-offset-2 ring-offset-white" : ""
                }`}
              >
                {e.position}
              </Link>
            </li>
          ))}
        </ol>
        <p className="mt-3 text-sm">
          {page.mode === "one" ? (
            <Link href={at("all")} className="text-accent-700 underline">
              {t("showAll")}
            </Link>
          ) : (
            <Link href={at(entries[0]?.position ?? 1)} className="text-accent-700 underline">
              {t("oneAtATime")}
            </Link>
          )}
          {page.mode === "all" ? <span className="ml-2 text-slate-600">{t("printHint")}</span> : null}
        </p>
      </nav>
      <ReviewFocus at={page.mode === "one" ? page.position : "all"}>{children}</ReviewFocus>
      {page.mode === "one" ? (
        <nav aria-label={t("pages")} className="flex flex-wrap items-center justify-between gap-3">
          {page.previous !== null ? (
            <Link href={at(page.previous)} rel="prev" className={buttonStyles.secondary}>
              {t("previous", { n: page.previous })}
            </Link>
          ) : (
            <span />
          )}
          <p className="text-sm text-slate-700">
            {t("position", { n: entries.findIndex((e) => e.position === page.position) + 1, total: entries.length })}
          </p>
          {page.next !== null ? (
            <Link href={at(page.next)} rel="next" className={buttonStyles.secondary}>
              {t("next", { n: page.next })}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
