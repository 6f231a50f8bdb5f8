// Errors a caller can act on, each with one HTTP status and a message for people. The
// message is a Text: a catalog message (rendered in the reader's language where the error
// leaves the server: lib/server/action-client.ts, lib/server/route.ts) or, for now, a plain string.
import { isMsg, type Text } from "../i18n/msg";
export const APP_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** What the person is told. */
    readonly text: Text,
    /** Fields for the caller's program, sent beside `error` and `message`. */
    readonly details?: Readonly<Record<string, string | number | boolean>>,
  ) {
    // Error.message is for logs: the message id, or the string.
    super(isMsg(text) ? text.key : text);
    this.name = "AppError";
  }
  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}
