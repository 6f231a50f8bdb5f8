// Bring your own capture (/sandbox/capture): any signed-in user uploads a pcap or pcapng
// file and sees one of its TCP connections beside the engine's run of the same story
// (lib/authoring/capture-import.ts through POST /api/v1/captures), then opens it in the sandbox;
// people who may edit a bank (banks.edit) may also start a question from it there.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CaptureImport } from "@/components/capture/capture-import";
import { ButtonLink, PageHeader } from "@/components/ui";
import { captureTooLargeText } from "@/lib/authoring/capture-import";
import { sandboxService } from "@/lib/authoring/sandbox-service";
import { rolesFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("capture");
  return { title: t("metaTitle") };
}

export default async function CapturePage() {
  const user = await requireUser("/sandbox/capture");
  const [t, text, banks] = await Promise.all([
    getTranslations("capture"),
    textRenderer(),
    sandboxService.editableBanks(user, rolesFor("banks.edit")),
  ]);
  return (
    <>
      <PageHeader
        title={t("heading")}
        description={t("description")}
        actions={
          <ButtonLink href="/sandbox" variant="secondary">
            {t("backToSandbox")}
          </ButtonLink>
        }
      />
      <CaptureImport maxBytesText={text(captureTooLargeText())} banks={banks} />
    </>
  );
}
