// The scenario sandbox, for every signed-in user. A `?s=` link opens with its template (and
// `&seed=` with its seed); instructors also get the banks they may turn it into a question in.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Sandbox } from "@/components/sandbox/sandbox";
import type { Template } from "@/components/sandbox/model";
import { PageHeader } from "@/components/ui";
import { decodeShared } from "@/lib/authoring/client";
import { sandboxService } from "@/lib/authoring/sandbox-service";
import { rolesFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sandbox");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

type Search = { s?: string | string[]; seed?: string | string[] };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SandboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const s = one(search.s);
  const seedText = one(search.seed);
  const returnTo = s ? `/sandbox?${new URLSearchParams({ s, ...(seedText ? { seed: seedText } : {}) })}` : "/sandbox";
  const user = await requireUser(returnTo);
  const [t, banks] = await Promise.all([getTranslations("sandbox"), sandboxService.editableBanks(user, rolesFor("banks.edit"))]);
  const decoded = s ? decodeShared(s) : null;
  const initial = decoded !== null && typeof decoded === "object" && !Array.isArray(decoded) ? (decoded as Template) : null;
  const seed = seedText && /^\d{1,10}$/.test(seedText) && Number(seedText) <= 0xffff_ffff ? Number(seedText) : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="mb-4 text-sm">
        <Link href="/sandbox/capture" className="font-medium text-accent-700 underline">
          {t("captureLink")}
        </Link>
      </p>
      <Sandbox initial={initial} initialSeed={seed} sharedUnreadable={Boolean(s) && initial === null} banks={banks} />
    </>
  );
}
