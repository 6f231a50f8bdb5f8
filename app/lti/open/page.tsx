import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonStyles, Card, PageHeader } from "@/components/ui";
import { getSessionUserOrNull } from "@/lib/auth/session";
import { launchService } from "@/lib/lti";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ltiLaunch");
  return { title: t("title") };
}

/**
 * Where every launch lands first, inside the LMS's frame: when the session cookie came with
 * this request, straight on to the launch's page; when the browser kept it from the frame
 * (third-party cookies blocked), the button that carries the launch to a window of the app's
 * own with its one-time handoff (app/api/lti/handoff).
 */
export default async function LtiOpenPage({ searchParams }: { searchParams: Promise<{ handoff?: string; gone?: string }> }) {
  const { handoff } = await searchParams;
  const [user, waiting, t] = await Promise.all([
    getSessionUserOrNull(),
    typeof handoff === "string" ? launchService.handoffWaiting(handoff, new Date()) : null,
    getTranslations("ltiLaunch.open"),
  ]);
  if (waiting && user?.id === waiting.userId) redirect(waiting.target);
  return (
    <div className="max-w-xl">
      <PageHeader title={waiting ? t("noCookieTitle") : t("goneTitle")} />
      <Card>
        {waiting ? (
          <form method="post" action="/api/lti/handoff" target="_blank" className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">{t("noCookie")}</p>
            <input type="hidden" name="handoff" value={handoff} />
            <div>
              <button type="submit" className={buttonStyles.primary}>
                {t("newWindow")}
              </button>
            </div>
            <p className="text-sm text-slate-600">{t("newWindowHint")}</p>
          </form>
        ) : (
          <p className="text-sm text-slate-700">{t("gone")}</p>
        )}
      </Card>
    </div>
  );
}
