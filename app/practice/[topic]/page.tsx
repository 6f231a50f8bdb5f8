import { randomInt } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PracticeQuestion } from "@/components/practice-question";
import { PageHeader } from "@/components/ui";
import { authSecret } from "@/lib/auth/secret";
import { getSessionUser } from "@/lib/auth/session";
import { sealVariant } from "@/lib/practice/token";
import { present, starterLibrary } from "@/lib/questions";
import { families } from "@/lib/scenarios";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practice");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function PracticeTopicPage({ params }: { params: Promise<{ topic: string }> }) {
  const { topic } = await params;
  const family = families.find((f) => f.id === topic);
  if (topic !== "mix" && !family) notFound();
  const pool = topic === "mix" ? starterLibrary : starterLibrary.filter((t) => t.family === topic);
  if (pool.length === 0) notFound();
  // A fresh variant on every visit: the template and the seed are chosen here and sealed.
  const template = pool[randomInt(0, pool.length)];
  const seed = randomInt(0, 2 ** 32 - 1);
  const user = await getSessionUser();
  const token = sealVariant({ templateId: template.id, seed }, user?.id ?? null, authSecret());
  const [t, text] = await Promise.all([getTranslations("practice"), textRenderer()]);
  return (
    <>
      <PageHeader
        title={family ? text(family.title) : t("mixed")}
        // The concept is shown after checking: it can name the states the question asks for.
        description={t.rich(family ? "topicDescription" : "mixedDescription", {
          all: (chunks) => (
            <Link href="/practice" className="text-accent-700 underline">
              {chunks}
            </Link>
          ),
        })}
      />
      <PracticeQuestion key={token} token={token} presentation={present(template, seed)} signedIn={Boolean(user)} />
    </>
  );
}
