import type { Metadata } from "next";
import Link from "next/link";
import { Badge, ButtonLink, PageHeader } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session";
import { practiceService } from "@/lib/practice";
import { MASTERED } from "@/lib/practice/mastery";
import { AREAS } from "@/lib/practice/topics";
import { families } from "@/lib/scenarios";

export const metadata: Metadata = { title: "Practice" };
export const dynamic = "force-dynamic";

const DIFFICULTY = ["", "introductory", "basic", "intermediate", "advanced"];

export default async function PracticePage() {
  const user = await getSessionUser();
  const mastery = user ? new Map((await practiceService.masteryOf(user.id)).map((m) => [m.family, m])) : new Map();
  return (
    <>
      <PageHeader
        title="Practice"
        description={
          user
            ? "Pick a topic. Every question is a fresh variant; your results build up your progress."
            : "Pick a topic. Sign in to keep track of your progress."
        }
        actions={<ButtonLink href="/practice/mix">Mixed practice</ButtonLink>}
      />
      <div className="flex flex-col gap-8">
        {AREAS.map((area) => (
          <section key={area.id} aria-labelledby={`area-${area.id}`}>
            <h2 id={`area-${area.id}`} className="mb-3 text-lg font-semibold text-slate-900">
              {area.title}
            </h2>
            <ul className="grid gap-3 md:grid-cols-2">
              {area.families.map((id) => {
                const f = families.find((x) => x.id === id)!;
                const m = mastery.get(id);
                return (
                  <li key={id}>
                    <Link
                      href={`/practice/${id}`}
                      className="block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-accent-600"
                    >
                      <span className="flex items-start justify-between gap-2">
                        <span className="font-medium text-slate-900">{f.title}</span>
                        {m ? <Badge tone={m.best >= MASTERED ? "accent" : "amber"}>best {Math.round(m.best * 100)}%</Badge> : null}
                      </span>
                      <span className="mt-1 block text-sm text-slate-700">{f.concept}</span>
                      <span className="mt-2 block text-xs text-slate-500">
                        {DIFFICULTY[f.difficulty]}
                        {m ? ` · practised ${m.attempts} time${m.attempts === 1 ? "" : "s"}` : ""}
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
