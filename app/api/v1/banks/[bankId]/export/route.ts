// GET /api/v1/banks/{bankId}/export: the bank as a file in one of its formats (lib/api/operations/bank-files.ts).
import { exportBankFileOp, UNEXPORTED_HEADER } from "@/lib/api/operations/bank-files";
import { apiRoute } from "@/lib/api/route";
import { bankTransfer } from "@/lib/interchange";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(exportBankFileOp, async ({ params, query, access, locale }) => {
  const exported = await bankTransfer.exportBankFile(access.course.id, params.bankId, { ...query, locale });
  const { body, contentType } = exported.file;
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${exported.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      [UNEXPORTED_HEADER]: exported.unexported.map((u) => u.templateId).join(","),
    },
  });
});

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
