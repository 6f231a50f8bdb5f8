// Bring your own capture: a pcap or pcapng file's bytes → its TCP connections → the chosen
// connection as an engine scenario (lib/capture reconstructScenario) → the engine's run of
// it → the capture and the engine's segments side by side (compareCapture). Nothing is
// stored: the bytes are read, answered and forgotten. A file that cannot be read is an
// AppError whose message says, in the reader's language, what is wrong with it and what to
// do; what the capture shows is rendered by the caller's `render` in the caller's language.
import { z } from "zod";
import {
  CaptureError,
  MAX_CAPTURE_BYTES,
  MAX_INTERFACES,
  MAX_PACKETS,
  LINK_TYPES,
  compareCapture,
  connectionSegments,
  listConnections,
  readCapture,
  reconstructScenario,
  type CaptureErrorCode,
  type Connection,
  type Vantage,
} from "../capture";
import { msg, type Msg, type Text } from "../i18n/msg";
import { AppError } from "../server/errors";
import { ScenarioError, simulate, wireSegments, type Trace } from "../tcp";

export { MAX_CAPTURE_BYTES };

/** The media types a capture may be sent as; a browser's File may also say nothing (""). */
export const CAPTURE_MEDIA_TYPES = ["application/octet-stream", "application/vnd.tcpdump.pcap", "application/x-pcapng"] as const;

const ERROR_TEXT: Record<CaptureErrorCode, (error: CaptureError) => Msg> = {
  "not-a-capture": () => msg("capture.errors.notACapture", { writers: "tcpdump -w, Wireshark" }),
  truncated: () => msg("capture.errors.truncated"),
  "too-large": () =>
    msg("capture.errors.tooLarge", {
      bytes: MAX_CAPTURE_BYTES,
      packets: MAX_PACKETS,
      interfaces: MAX_INTERFACES,
      command: "tcpdump -r in.pcap -w out.pcap 'port N'",
    }),
  "unsupported-link-type": () => msg("capture.errors.unsupportedLinkType", { linkTypes: LINK_TYPE_NAMES, command: "tcpdump -i any" }),
  "headers-cut": () => msg("capture.errors.headersCut", { command: "tcpdump -s 0" }),
  "no-tcp": () => msg("capture.errors.noTcp"),
  "no-such-connection": () => msg("capture.errors.noSuchConnection"),
  "no-handshake": () => msg("capture.errors.noHandshake"),
};

/** What a file over the size limit is told (also said by the page before it uploads one). */
export const captureTooLargeText = (): Msg => ERROR_TEXT["too-large"](new CaptureError("too-large", "too large"));

/** A CaptureError as the AppError a caller is answered with: 422, its code's message. */
export function captureErrorText(error: CaptureError): Msg {
  return ERROR_TEXT[error.code](error);
}

/** The link types the reader decodes, by their usual names (they read the same in every language). */
const LINK_TYPE_NAMES = [...new Set(Object.values(LINK_TYPES))].join(", ");

const VANTAGES = ["client", "server"] as const satisfies readonly Vantage[];

export const CaptureQuerySchema = z.object({
  connection: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PACKETS)
    .optional()
    .meta({ description: "The connection to compare (its id in `connections`). Without it, a capture of one connection is compared." }),
  vantage: z
    .enum(VANTAGES)
    .optional()
    .meta({ description: "Where the capture was taken. Without it, the side the handshake's timing points to." }),
});
export type CaptureQuery = z.infer<typeof CaptureQuerySchema>;

const PeerSchema = z.object({ address: z.string(), port: z.number().int() });
const EndpointSchema = z.enum(VANTAGES);

const ConnectionSchema = z.object({
  id: z.number().int(),
  ipVersion: z.union([z.literal(4), z.literal(6)]),
  client: PeerSchema,
  server: PeerSchema,
  sawSyn: z.boolean().meta({ description: "A SYN was seen, so which side is the client is known rather than guessed" }),
  packets: z.number().int(),
  durationMs: z.number().meta({ description: "From the connection's first packet to its last" }),
});

const WireSchema = z.object({ flags: z.string(), seq: z.number().int(), ack: z.number().int(), len: z.number().int() });

const RowSchema = z.object({
  capture: WireSchema.extend({
    frame: z.number().int(),
    tMs: z.number().meta({ description: "ms from the connection's first packet" }),
    from: EndpointSchema,
  }).nullable(),
  engine: WireSchema.extend({
    tMs: z.number().meta({ description: "when the capture point would see it, ms from the connection's first packet" }),
    from: EndpointSchema,
    lost: z.boolean(),
  }).nullable(),
  agree: z.boolean(),
  reasons: z.array(z.string()).meta({ description: "Why they differ, one sentence per difference, in the caller's language" }),
});

const TraceSchema = z
  .object({
    events: z.array(z.looseObject({ t: z.number(), endpoint: EndpointSchema, type: z.string() })).readonly(),
    final: z.object({ client: z.string(), server: z.string() }),
    endMs: z.number(),
  })
  .meta({ description: "The engine's trace of the scenario (as the sandbox answers it)" });

export const CaptureImportSchema = z.object({
  format: z.enum(["pcap", "pcapng"]),
  frameCount: z.number().int().meta({ description: "Frames in the file, TCP or not" }),
  connections: z.array(ConnectionSchema),
  analysis: z
    .object({
      connection: z.number().int(),
      vantage: EndpointSchema,
      inferredVantage: EndpointSchema,
      latencyMs: z.number().int(),
      scenario: z.record(z.string(), z.unknown()).meta({ description: "The reconstructed scenario (docs/scenario-format.md)" }),
      notes: z.array(z.string()).meta({ description: "What was inferred from the capture and why, in the caller's language" }),
      trace: TraceSchema,
      sent: z.number().int().meta({ description: "Segments the engine's run sends (lost ones included)" }),
      rows: z.array(RowSchema),
      agreeing: z.number().int(),
    })
    .nullable()
    .meta({ description: "The chosen connection against the engine; null when none was chosen and the capture has several" }),
});
export type CaptureImport = z.infer<typeof CaptureImportSchema>;

function connectionView(c: Connection): CaptureImport["connections"][number] {
  return {
    id: c.id,
    ipVersion: c.ipVersion,
    client: { ...c.client },
    server: { ...c.server },
    sawSyn: c.sawSyn,
    packets: c.packets,
    durationMs: Number((c.lastNs - c.firstNs) / 1000n) / 1000,
  };
}

function refused(error: unknown): never {
  if (error instanceof CaptureError) throw new AppError("UNPROCESSABLE", captureErrorText(error));
  if (error instanceof ScenarioError) throw new AppError("UNPROCESSABLE", msg("capture.errors.notSimulated"));
  throw error;
}

/**
 * Reads a capture and, when a connection is chosen (or the capture holds only one),
 * compares it with the engine's run of its reconstruction. Throws AppError (422) for a
 * file that cannot be read or a chosen connection that cannot be reconstructed.
 */
export function importCapture(bytes: Uint8Array, query: CaptureQuery, render: (text: Text) => string): CaptureImport {
  let capture: ReturnType<typeof readCapture>;
  try {
    capture = readCapture(bytes);
  } catch (error) {
    refused(error);
  }
  const connections = listConnections(capture);
  const base = { format: capture.format, frameCount: capture.frameCount, connections: connections.map(connectionView) };
  const chosen = query.connection ?? (connections.length === 1 ? 1 : null);
  if (chosen === null) return { ...base, analysis: null };
  try {
    const segments = connectionSegments(capture, chosen);
    const reconstruction = reconstructScenario(segments, { vantage: query.vantage });
    const trace: Trace = simulate(reconstruction.scenario);
    const rows = compareCapture(segments, trace, reconstruction);
    return {
      ...base,
      analysis: {
        connection: chosen,
        vantage: reconstruction.vantage,
        inferredVantage: reconstruction.inferredVantage,
        latencyMs: reconstruction.latencyMs,
        scenario: reconstruction.scenario,
        notes: reconstruction.notes.map(render),
        trace,
        sent: wireSegments(trace).length,
        rows: rows.map((row) => ({
          capture: row.capture
            ? {
                frame: row.capture.frame,
                tMs: row.capture.tMs,
                from: row.capture.from,
                flags: row.capture.flags,
                seq: row.capture.seq,
                ack: row.capture.ack,
                len: row.capture.len,
              }
            : null,
          engine: row.engine
            ? {
                tMs: round3(row.engine.t),
                from: row.engine.from,
                flags: row.engine.flags,
                seq: row.engine.seq,
                ack: row.engine.ack,
                len: row.engine.len,
                lost: row.engine.lost,
              }
            : null,
          agree: row.agree,
          reasons: row.reasons.map(render),
        })),
        agreeing: rows.filter((row) => row.agree).length,
      },
    };
  } catch (error) {
    // Not chosen, only the one there is: a connection that cannot be reconstructed still lists.
    if (query.connection === undefined && error instanceof CaptureError) return { ...base, analysis: null };
    refused(error);
  }
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Refuses (415) a body declared as something other than a capture's bytes. */
export function checkCaptureMediaType(contentType: string | null): void {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "" && !(CAPTURE_MEDIA_TYPES as readonly string[]).includes(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", msg("capture.errors.mediaType", { type: "application/octet-stream" }));
  }
}
