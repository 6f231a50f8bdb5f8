// Every way a capture can be refused, as a code for programs and a sentence for people.

export const CAPTURE_ERROR_CODES = [
  "not-a-capture",
  "truncated",
  "too-large",
  "unsupported-link-type",
  "headers-cut",
  "no-tcp",
  "no-such-connection",
  "no-handshake",
] as const;
export type CaptureErrorCode = (typeof CAPTURE_ERROR_CODES)[number];

export class CaptureError extends Error {
  readonly code: CaptureErrorCode;
  constructor(code: CaptureErrorCode, message: string) {
    super(message);
    this.name = "CaptureError";
    this.code = code;
  }
}

/** Largest capture accepted: a teaching capture of a few connections is kilobytes. */
export const MAX_CAPTURE_BYTES = 16 * 1024 * 1024;
/** Most packets read from one capture. */
export const MAX_PACKETS = 100_000;
/** Most interfaces one pcapng section may describe. */
export const MAX_INTERFACES = 64;
