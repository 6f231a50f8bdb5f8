// Why a login or launch was refused, in words for the LMS administrator who has to fix it: one
// code each, the HTTP status the refusal page is sent with, and the message (ltiLaunch.refused.*)
// with what was wrong in the launch. What the page says and what the audit log records are the
// same facts (docs/lti.md §3).
import { msg, type MessageKey, type Msg, type MsgValue } from "../i18n/msg";

export const REFUSAL_STATUS = {
  /** The login request lacked iss, login_hint or target_link_uri. */
  loginIncomplete: 400,
  /** One issuer, several registrations, and the login named no client_id. */
  loginAmbiguous: 400,
  /** No id_token, or not a three-part JWT. */
  malformed: 400,
  unknownPlatform: 403,
  badAlgorithm: 401,
  noKid: 401,
  unknownKey: 401,
  keysUnavailable: 503,
  badSignature: 401,
  wrongAudience: 401,
  badAzp: 401,
  expired: 401,
  issuedInFuture: 401,
  tooOld: 401,
  stateMissing: 401,
  stateUnknown: 400,
  loginExpired: 401,
  nonceReused: 401,
  nonceMismatch: 401,
  unknownDeployment: 403,
  badVersion: 400,
  unknownMessageType: 400,
  wrongTarget: 400,
  missingClaims: 400,
  noContext: 400,
  notInstructor: 403,
} as const;

export type RefusalCode = keyof typeof REFUSAL_STATUS;

/** A refused login or launch: thrown by the checks, caught by the route, shown and audited. */
export class LaunchRefusal extends Error {
  readonly status: number;
  constructor(
    readonly code: RefusalCode,
    /** The facts named in the message (issuer, client id, kid…): strings, as the platform sent them. */
    readonly facts: Record<string, string> = {},
  ) {
    super(code);
    this.name = "LaunchRefusal";
    this.status = REFUSAL_STATUS[code];
  }

  /** What the administrator reads. */
  get text(): Msg {
    const values: Record<string, MsgValue> = {};
    for (const [k, v] of Object.entries(this.facts)) values[k] = v.slice(0, 200);
    return msg(`ltiLaunch.refused.${this.code}` as MessageKey, values);
  }
}
