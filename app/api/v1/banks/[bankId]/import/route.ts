// POST /api/v1/banks/{bankId}/import: a bank file read into the bank, or only reported on (lib/api/operations/bank-files.ts).
import { importBankFileOp } from "@/lib/api/operations/bank-files";
import { apiRoute } from "@/lib/api/route";
import { bankTransfer } from "@/lib/interchange";
import { otherMethods } from "@/lib/server/route";

export const POST = apiRoute(importBankFileOp, async ({ params, form, user, access, locale }) =>
  bankTransfer.importBankFile({ userId: user.id, courseId: access.course.id }, params.bankId, {
    format: form.fields.format,
    dryRun: form.fields.dryRun,
    bytes: form.files.file.bytes,
    locale,
  }),
);

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
