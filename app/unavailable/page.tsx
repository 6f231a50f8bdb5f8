import type { Metadata } from "next";
import { StatusPage } from "@/components/ui";

export const metadata: Metadata = { title: "Temporarily unavailable" };
export const dynamic = "force-dynamic";

/** Shown with status 503 by proxy.ts while the database cannot be reached. */
export default function UnavailablePage() {
  return (
    <StatusPage code="503" title="SynAck Lab is temporarily unavailable">
      We cannot reach the database right now. Nothing you saved is lost. This page will work again by itself as soon as the database is back
      — try reloading in a minute.
    </StatusPage>
  );
}
