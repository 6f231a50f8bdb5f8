"use client";
// The TCP connections of an uploaded capture, one row each, with a button to compare one.
import { useTranslations } from "next-intl";
import type { CaptureImport } from "@/lib/authoring/capture-import";
import { DataTable, type Column } from "../data-table";
import { Badge, buttonStyles } from "../ui";

type Key = "id" | "client" | "server" | "packets" | "duration" | "opening" | "action";

export function ConnectionTable({
  file,
  connections,
  chosen,
  busy,
  onCompare,
}: {
  file: string;
  connections: CaptureImport["connections"];
  chosen: number | null;
  busy: boolean;
  onCompare: (id: number) => void;
}) {
  const t = useTranslations("capture.connections");
  const peer = (p: { address: string; port: number }) => t("peer", { address: p.address, port: String(p.port) });
  const columns: Column<Key>[] = [
    { key: "id", header: t("id") },
    { key: "client", header: t("client"), className: "font-mono text-xs" },
    { key: "server", header: t("server"), className: "font-mono text-xs" },
    { key: "packets", header: t("packets") },
    { key: "duration", header: t("duration") },
    { key: "opening", header: t("opening") },
    { key: "action", header: t("action") },
  ];
  return (
    <DataTable
      caption={t("caption", { file })}
      columns={columns}
      empty={t("empty")}
      rows={connections.map((c) => ({
        key: String(c.id),
        cells: {
          id: c.id,
          client: peer(c.client),
          server: peer(c.server),
          packets: c.packets,
          duration: t("durationMs", { ms: c.durationMs.toFixed(1) }),
          opening: c.sawSyn ? <Badge tone="accent">{t("sawSyn")}</Badge> : <Badge tone="amber">{t("noSyn")}</Badge>,
          action:
            chosen === c.id ? (
              <span className="text-sm font-medium text-slate-700">{t("chosen")}</span>
            ) : (
              <button type="button" className={buttonStyles.secondary} disabled={busy} onClick={() => onCompare(c.id)}>
                {t("compare", { id: String(c.id) })}
              </button>
            ),
        },
      }))}
    />
  );
}
