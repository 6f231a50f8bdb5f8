// Why a login or launch was refused, in words for the LMS administrator who has to fix it: one
// code each, the HTTP status the refusal page is sent with, and the message (ltiLaunch.refused.*)
// with what was wrong in the launch. What the page says and what the audit log records are the
// same facts (docs/lti.md §3).
import { msg, type MessageKey, type Msg, type MsgValue } from "../i18n/msg";

/** Each refusal: its HTTP status and its message. */
export const REFUSALS = {
  /** The login request lacked iss, login_hint or target_link_uri. */
  loginIncomplete: [400, "ltiLaunch.refused.loginIncomplete"],
  /** One issuer, several registrations, and the login named no client_id. */
  loginAmbiguous: [400, "ltiLaunch.refused.loginAmbiguous"],
  /** No id_token, or not a three-part JWT. */
  malformed: [400, "ltiLaunch.refused.malformed"],
  unknownPlatform: [403, "ltiLaunch.refused.unknownPlatform"],
  badAlgorithm: [401, "ltiLaunch.refused.badAlgorithm"],
  noKid: [401, "ltiLaunch.refused.noKid"],
  unknownKey: [401, "ltiLaunch.refused.unknownKey"],
  keysUnavailable: [503, "ltiLaunch.refused.keysUnavailable"],
  badSignature: [401, "ltiLaunch.refused.badSignature"],
  wrongAudience: [401, "ltiLaunch.refused.wrongAudience"],
  badAzp: [401, "ltiLaunch.refused.badAzp"],
  expired: [401, "ltiLaunch.refused.expired"],
  issuedInFuture: [401, "ltiLaunch.refused.issuedInFuture"],
  tooOld: [401, "ltiLaunch.refused.tooOld"],
  stateMissing: [401, "ltiLaunch.refused.stateMissing"],
  stateUnknown: [400, "ltiLaunch.refused.stateUnknown"],
  loginExpired: [401, "ltiLaunch.refused.loginExpired"],
  nonceReused: [401, "ltiLaunch.refused.nonceReused"],
  nonceMismatch: [401, "ltiLaunch.refused.nonceMismatch"],
  unknownDeployment: [403, "ltiLaunch.refused.unknownDeployment"],
  badVersion: [400, "ltiLaunch.refused.badVersion"],
  unknownMessageType: [400, "ltiLaunch.refused.unknownMessageType"],
  wrongTarget: [400, "ltiLaunch.refused.wrongTarget"],
  missingClaims: [400, "ltiLaunch.refused.missingClaims"],
  noContext: [400, "ltiLaunch.refused.noContext"],
  notInstructor: [403, "ltiLaunch.refused.notInstructor"],
} as const satisfies Record<string, readonly [number, MessageKey]>;

export type RefusalCode = keyof typeof REFUSALS;

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
    this.status = REFUSALS[code][0];
  }

  /** What the administrator reads. */
  get text(): Msg {
    const values: Record<string, MsgValue> = {};
    for (const [k, v] of Object.entries(this.facts)) values[k] = v.slice(0, 200);
    return msg(REFUSALS[this.code][1], values);
  }
}
