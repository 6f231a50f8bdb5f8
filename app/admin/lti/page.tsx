import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CopyValue } from "@/components/lti-admin/copy-value";
import { AddDeployment, DeletePlatform, MakeRegistrationUrl, RemoveDeployment, RotateKey } from "@/components/lti-admin/platform-controls";
import { PlatformForm } from "@/components/lti-admin/platform-form";
import { Badge, Card, PageHeader } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { ltiAdminService, toolOrigin } from "@/lib/lti/platform-admin-service";
import {
  canvasDeveloperKey,
  PRODUCT_NAMES,
  PRODUCTS,
  toolConfiguration,
  URL_RULE_WORDS,
  type Product,
} from "@/lib/lti/registration-config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ltiAdmin");
  return { title: t("title") };
}

export default async function LtiAdminPage() {
  await requireAdmin("/admin/lti");
  const [platforms, key, t, format] = await Promise.all([
    ltiAdminService.platformsWithDeployments(),
    ltiAdminService.toolKeyStatus(),
    getTranslations("ltiAdmin"),
    getFormatter(),
  ]);
  const origin = toolOrigin();
  const tool = toolConfiguration(origin);
  const productName = (product: string) =>
    product in PRODUCT_NAMES ? PRODUCT_NAMES[product as Exclude<Product, "other">] : t("platforms.other");
  const formText = {
    products: PRODUCTS.map((p) => ({ value: p, label: productName(p) })),
    issuerHint: t("form.issuerHint", {
      canvas: "https://canvas.instructure.com",
      blackboard: PRODUCT_NAMES.blackboard,
      blackboardIssuer: "https://blackboard.com",
    }),
    clientIdHint: t("form.clientIdHint", { blackboard: PRODUCT_NAMES.blackboard }),
    authAudienceHint: t("form.authAudienceHint", { brightspace: PRODUCT_NAMES.brightspace }),
    urlRule: t("errors.url", URL_RULE_WORDS),
  };
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro", { blackboard: PRODUCT_NAMES.blackboard, brightspace: PRODUCT_NAMES.brightspace })}
      />
      <div className="grid gap-6">
        <Card title={t("invite.title")}>
          <p className="mb-3 text-sm text-slate-700">{t("invite.intro", { brightspace: PRODUCT_NAMES.brightspace })}</p>
          <MakeRegistrationUrl />
        </Card>

        <Card title={t("tool.title")}>
          <p className="mb-3 text-sm text-slate-700">{t("tool.intro")}</p>
          <div className="grid gap-2">
            <CopyValue label={t("tool.loginUrl")} value={tool.loginUrl} />
            <CopyValue label={t("tool.redirectUrl")} value={tool.redirectUrl} />
            <CopyValue label={t("tool.targetLinkUri")} value={tool.targetLinkUri} />
            <CopyValue label={t("tool.deepLinkingUrl")} value={tool.deepLinkingUrl} />
            <CopyValue label={t("tool.jwksUrl")} value={tool.jwksUrl} />
            <CopyValue label={t("tool.domain")} value={tool.domain} />
            <CopyValue label={t("tool.scopes")} value={tool.scopes.join(" ")} />
            <CopyValue
              label={t("tool.canvasJson")}
              value={JSON.stringify(canvasDeveloperKey(origin), null, 2)}
              multiline
              hint={t("tool.canvasJsonHint")}
            />
          </div>
        </Card>

        <Card title={t("key.title")}>
          <p className="text-sm text-slate-700">{t("key.intro")}</p>
          <p className="mt-2 text-sm break-all text-slate-800">{t("key.current", { kid: key.kid, at: when(key.createdAt) })}</p>
          <p className="mb-3 text-sm text-slate-700">{t("key.published", { count: key.published })}</p>
          <RotateKey />
        </Card>

        <Card title={t("platforms.title")}>
          {platforms.length === 0 ? <p className="text-sm text-slate-700">{t("platforms.empty")}</p> : null}
          <ul className="grid gap-6">
            {platforms.map((p) => (
              <li key={p.id} className="rounded-lg border border-slate-200 p-4">
                <section aria-labelledby={`platform-${p.id}`} className="flex flex-col gap-3">
                  <h3 id={`platform-${p.id}`} className="text-base font-semibold break-words text-slate-900">
                    {p.name} <Badge>{productName(p.product)}</Badge>
                  </h3>
                  <p className="text-xs text-slate-600">{t("platforms.via", { via: p.registeredVia })}</p>
                  <dl className="grid gap-1 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
                    <dt className="text-slate-600">{t("platforms.issuer")}</dt>
                    <dd className="font-mono text-xs break-all">{p.issuer}</dd>
                    <dt className="text-slate-600">{t("platforms.clientId")}</dt>
                    <dd className="font-mono text-xs break-all">{p.clientId}</dd>
                    <dt className="text-slate-600">{t("platforms.authUrl")}</dt>
                    <dd className="font-mono text-xs break-all">{p.authUrl}</dd>
                    <dt className="text-slate-600">{t("platforms.tokenUrl")}</dt>
                    <dd className="font-mono text-xs break-all">{p.tokenUrl}</dd>
                    <dt className="text-slate-600">{t("platforms.jwksUrl")}</dt>
                    <dd className="font-mono text-xs break-all">{p.jwksUrl}</dd>
                    {p.authAudience ? (
                      <>
                        <dt className="text-slate-600">{t("platforms.authAudience")}</dt>
                        <dd className="font-mono text-xs break-all">{p.authAudience}</dd>
                      </>
                    ) : null}
                  </dl>
                  <div>
                    <h4 className="text-sm font-semibold text-slate-900">{t("platforms.deployments")}</h4>
                    {p.deployments.length === 0 ? (
                      <p className="text-sm text-amber-800">{t("platforms.noDeployments")}</p>
                    ) : (
                      <ul className="mt-1 flex flex-wrap gap-2" aria-label={t("platforms.deployments")}>
                        {p.deployments.map((d) => (
                          <li
                            key={d.id}
                            className="flex items-center gap-1 rounded border border-slate-200 px-2 py-1 font-mono text-xs break-all"
                          >
                            {d.deploymentId}
                            <RemoveDeployment platformId={p.id} deploymentId={d.deploymentId} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <AddDeployment platformId={p.id} platformName={p.name} />
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-accent-800">
                      {t("platforms.edit", { name: p.name })}
                    </summary>
                    <div className="mt-3">
                      <PlatformForm platform={p} text={formText} />
                    </div>
                  </details>
                  <DeletePlatform platformId={p.id} platformName={p.name} />
                </section>
              </li>
            ))}
          </ul>
        </Card>

        <Card title={t("form.addTitle")}>
          <PlatformForm text={formText} />
        </Card>
      </div>
    </>
  );
}
