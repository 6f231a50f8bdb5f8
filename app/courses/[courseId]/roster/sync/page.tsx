import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { RosterSyncApply } from "@/components/roster/roster-sync-apply";
import { Badge, Card, PageHeader } from "@/components/ui";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { MembershipsError } from "@/lib/lti/nrps";
import { syncChangeCount, type HeldBackReason, type SyncChange } from "@/lib/lti/roster-sync-plan";
import { rosterSync, type SyncPreview } from "@/lib/lti/roster-sync-service";
import { AppError } from "@/lib/server/errors";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ltiRoster");
  return { title: t("title") };
}

export default async function RosterSyncPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  await requireCourse(courseId, rolesFor("roster.sync"), `/courses/${courseId}/roster/sync`);
  // Every visit reads the LMS again: the preview is of the two rosters as they are now.
  const [t, tc, render] = await Promise.all([getTranslations("ltiRoster"), getTranslations("courses"), textRenderer()]);
  let preview: SyncPreview | null = null;
  let problem: string | null = null;
  try {
    preview = await rosterSync.previewRosterSync(courseId);
  } catch (error) {
    if (error instanceof MembershipsError) {
      console.warn("roster sync: the LMS could not be read", error.message);
      problem = render(error.text);
    } else if (error instanceof AppError) problem = render(error.text);
    else throw error;
  }

  const header = (
    <PageHeader
      title={t("title")}
      description={t("description")}
      actions={
        <Link href={`/courses/${courseId}/roster`} className="text-sm font-medium text-accent-800 underline">
          {t("back")}
        </Link>
      }
    />
  );
  if (!preview)
    return (
      <>
        {header}
        <Card title={t("error.title")}>
          <p role="alert" className="text-sm text-rose-800">
            {problem}
          </p>
        </Card>
      </>
    );

  const { plan } = preview;
  const changes = syncChangeCount(plan);
  const role = (r: string) => tc("role", { role: r });
  const change = (c: SyncChange) => {
    switch (c.field) {
      case "role":
        return t("change.role", { from: c.from, to: c.to });
      case "name":
        return t("change.name", { from: c.from, to: c.to });
      case "sisUserId":
        return t("change.sisUserId", { to: c.to });
      case "lmsStatus":
        return t("change.lmsStatus");
      case "link":
        return t("change.link");
    }
  };
  const heldBackReason: Record<HeldBackReason, string> = {
    otherIdentity: t("heldBack.otherIdentity"),
    privileged: t("heldBack.privileged"),
    unproven: t("heldBack.unproven"),
    duplicate: t("heldBack.duplicate"),
  };
  const nameColumns = [
    { key: "name" as const, header: t("column.name"), sortable: true },
    { key: "email" as const, header: t("column.email"), sortable: true, className: "font-mono text-xs break-all" },
  ];

  return (
    <>
      {header}
      <div className="grid gap-6">
        <Card>
          <ul className="mb-3 list-disc pl-5 text-sm text-slate-700">
            {preview.sources.map((s, i) => (
              <li key={i}>{t("source", { name: [s.label, s.title].filter(Boolean).join(" — ") || t("untitled"), pages: s.pages })}</li>
            ))}
          </ul>
          <p className="mb-3 text-sm text-slate-800">
            {t("summary", {
              listed: plan.listed,
              add: plan.add.length,
              update: plan.update.length,
              left: plan.left.length,
              unchanged: plan.unchanged,
            })}
          </p>
          {plan.track.length ? <p className="mb-3 text-sm text-slate-700">{t("track", { count: plan.track.length })}</p> : null}
          {plan.ignored ? <p className="mb-3 text-sm text-slate-700">{t("ignored", { count: plan.ignored })}</p> : null}
          {changes === 0 ? <p className="mb-3 text-sm font-medium text-slate-800">{t("nothing")}</p> : null}
          <RosterSyncApply courseId={courseId} digest={preview.digest} changes={changes > 0} />
        </Card>

        {plan.add.length ? (
          <Card title={t("add.title", { count: plan.add.length })}>
            <DataTable
              caption={t("add.caption")}
              hideCaption
              empty=""
              columns={[
                ...nameColumns,
                { key: "role", header: t("column.role"), sortable: true },
                { key: "account", header: t("column.account") },
              ]}
              rows={plan.add.map((a) => ({
                key: `${a.issuer}\n${a.sub}`,
                cells: {
                  name: a.name,
                  email: a.email ?? t("add.noEmail"),
                  role: role(a.role),
                  account: <Badge tone={a.userId ? "accent" : "slate"}>{a.userId ? t("add.existingAccount") : t("add.newAccount")}</Badge>,
                },
              }))}
            />
          </Card>
        ) : null}

        {plan.update.length ? (
          <Card title={t("update.title", { count: plan.update.length })}>
            <DataTable
              caption={t("update.caption")}
              hideCaption
              empty=""
              columns={[...nameColumns, { key: "changes", header: t("column.changes") }]}
              rows={plan.update.map((u) => ({
                key: u.enrollmentId,
                cells: {
                  name: u.name,
                  email: u.email,
                  changes: (
                    <ul className="flex flex-col gap-1">
                      {u.changes.map((c) => (
                        <li key={c.field}>{change(c)}</li>
                      ))}
                    </ul>
                  ),
                },
              }))}
            />
          </Card>
        ) : null}

        {plan.left.length ? (
          <Card title={t("left.title", { count: plan.left.length })}>
            <p className="mb-3 text-sm text-slate-700">{t("left.note")}</p>
            <DataTable
              caption={t("left.caption")}
              hideCaption
              empty=""
              columns={[...nameColumns, { key: "status", header: t("column.status") }]}
              rows={plan.left.map((l) => ({
                key: l.enrollmentId,
                cells: {
                  name: l.name,
                  email: l.email,
                  status: (
                    <Badge tone="amber">
                      {l.missing ? t("left.missing") : l.status === "Inactive" ? t("left.inactive") : t("left.deleted")}
                    </Badge>
                  ),
                },
              }))}
            />
          </Card>
        ) : null}

        {plan.kept.length ? (
          <Card title={t("kept.title", { count: plan.kept.length })}>
            <p className="mb-3 text-sm text-slate-700">{t("kept.note")}</p>
            <DataTable
              caption={t("kept.caption")}
              hideCaption
              empty=""
              columns={[...nameColumns, { key: "role", header: t("column.role") }, { key: "status", header: t("column.status") }]}
              rows={plan.kept.map((k) => ({
                key: k.enrollmentId,
                cells: {
                  name: k.name,
                  email: k.email,
                  role: role(k.role),
                  status: k.creator ? t("kept.creator", { lmsRole: k.lmsRole }) : t("kept.row", { lmsRole: k.lmsRole }),
                },
              }))}
            />
          </Card>
        ) : null}

        {plan.heldBack.length ? (
          <Card title={t("heldBack.title", { count: plan.heldBack.length })}>
            <DataTable
              caption={t("heldBack.caption")}
              hideCaption
              empty=""
              columns={[...nameColumns, { key: "reason", header: t("column.reason") }]}
              rows={plan.heldBack.map((h) => ({
                key: h.sub,
                cells: { name: h.name ?? "—", email: h.email, reason: heldBackReason[h.reason] },
              }))}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
