import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, ButtonLink, PageHeader } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session";
import { practiceService } from "@/lib/practice";
import { MASTERED } from "@/lib/practice/mastery";
import { AREAS } from "@/lib/practice/topics";
import { families } from "@/lib/scenarios";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practice");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/** A family's difficulty (1–4) in words. */
const DIFFICULTY = ["difficulty.introductory", "difficulty.basic", "difficulty.intermediate", "difficulty.advanced"] as const;

export default async function PracticePage() {
  const user = await getSessionUser();
  const [t, text] = await Promise.all([getTranslations("practice"), textRenderer()]);
  const mastery = user ? new Map((await practiceService.masteryOf(user.id)).map((m) => [m.family, m])) : new Map();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={user ? t("descriptionSignedIn") : t("descriptionSignedOut")}
        actions={<ButtonLink href="/practice/mix">{t("mixed")}</ButtonLink>}
      />
      <div className="flex flex-col gap-8">
        {AREAS.map((area) => (
          <section key={area.id} aria-labelledby={`area-${area.id}`}>
            <h2 id={`area-${area.id}`} className="mb-3 text-lg font-semibold text-slate-900">
              {text(area.title)}
            </h2>
            <ul className="grid gap-3 md:grid-cols-2">
              {area.families.map((id) => {
                const f = families.find((x) => x.id === id)!;
                const m = mastery.get(id);
                const difficulty = t(DIFFICULTY[f.difficulty - 1]);
                return (
                  <li key={id}>
                    <Link
                      href={`/practice/${id}`}
                      className="block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-accent-600"
                    >
                      <span className="flex items-start justify-between gap-2">
                        <span className="font-medium text-slate-900">{text(f.title)}</span>
                        {m ? <Badge tone={m.best >= MASTERED ? "accent" : "amber"}>{t("best", { best: m.best })}</Badge> : null}
                      </span>
                      <span className="mt-1 block text-sm text-slate-700">{text(f.concept)}</span>
                      <span className="mt-2 block text-xs text-slate-500">
                        {m ? t("difficultyPractised", { difficulty, count: m.attempts }) : difficulty}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
