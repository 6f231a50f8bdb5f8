// The /api/v1 operation of bringing your own capture (lib/authoring/capture-import.ts). Its
// body is not JSON but the file's bytes, so it declares no `body`: the route reads the
// request itself with a byte limit (lib/server/body.ts readBody, MAX_CAPTURE_BYTES). The file
// is named for its path, /captures: lint reads an import of "./capture" as one of lib/capture.
import { z } from "zod";
import { CaptureImportSchema, CaptureQuerySchema, MAX_CAPTURE_BYTES } from "../../authoring/capture-import";
import { defineOperation, type Operation } from "../operation";

export const importCaptureOp = defineOperation({
  id: "importCapture",
  method: "POST",
  path: "/captures",
  summary: "Read a pcap or pcapng capture and compare one TCP connection with the engine",
  description:
    "The request body is the capture file's bytes (not JSON), sent as `application/octet-stream` " +
    `(\`application/vnd.tcpdump.pcap\` and \`application/x-pcapng\` are accepted too), at most ${MAX_CAPTURE_BYTES} bytes (413 above). ` +
    "The answer lists the capture's TCP connections; with `connection` (or when there is only one) it also holds that connection " +
    "reconstructed as a scenario, the engine's trace of it, and each captured segment beside the engine's with why they differ. " +
    "A file that cannot be read, or a connection whose opening SYN is missing, is a 422 saying why. Nothing is stored. " +
    "`curl -X POST -H 'Authorization: Bearer <token>' -H 'Content-Type: application/octet-stream' --data-binary @trace.pcap '<server>/api/v1/captures?connection=1'`",
  tag: "Sandbox",
  access: "signed-in",
  params: z.object({}),
  query: CaptureQuerySchema,
  response: CaptureImportSchema,
});

export const captureOperations: readonly Operation[] = [importCaptureOp];
