// Deep Linking 2.0, the tool's side: reading the request's deep_linking_settings claim, the
// content item for a quiz, and the LtiDeepLinkingResponse the browser form-posts back to the
// platform (field `JWT`). The claims are built by pure functions (time and the nonce are
// arguments); only signing touches the database (the tool's key). Rules the platforms enforce:
// the item's `url` is always set and is exactly the registered launch URL, with no query string
// (Blackboard answers "Invalid Link" without a url and "Invalid redirect_url" with a query), so
// the quiz travels in `custom`; the response lives at least five minutes (Canvas refused a 60 s
// one as expired when clocks drifted).
import type { JWTPayload } from "jose";
import { z } from "zod";
import type { Db } from "../db/client";
import { signToolJwt } from "./tool-keys";
import { CLAIM, LTI_VERSION, MESSAGE_TYPE } from "./vocabulary";

/** Ten minutes: over Canvas's clock-skew trouble, under the hour a retired key stays published. */
export const RESPONSE_LIFETIME_SEC = 600;

/** The custom parameter a content item carries the quiz in; the launch reads it back. */
export const QUIZ_CUSTOM_KEY = "synack_quiz";

const RESOURCE_LINK = "ltiResourceLink";

/** https, or plain http only to this machine (a platform under test). */
function returnUrlAllowed(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

/** The deep_linking_settings claim (Deep Linking 2.0 §4.4.1); unknown members are kept out, `data` is kept as sent. */
export const DeepLinkingSettingsSchema = z.object({
  deep_link_return_url: z.string().max(2048).refine(returnUrlAllowed, "deep_link_return_url must be an https URL"),
  accept_types: z.array(z.string().max(100)).max(20),
  accept_presentation_document_targets: z.array(z.string().max(100)).max(20).optional(),
  accept_media_types: z.string().max(1000).optional(),
  accept_multiple: z.boolean().optional(),
  accept_lineitem: z.boolean().optional(),
  auto_create: z.boolean().optional(),
  title: z.string().max(1000).optional(),
  text: z.string().max(5000).optional(),
  // Opaque to the tool, echoed verbatim (§4.4.1 "data"); a platform may keep a whole signed token in it.
  data: z.string().max(16_000).optional(),
});
export type DeepLinkingSettings = z.infer<typeof DeepLinkingSettingsSchema>;

export type SettingsResult = { ok: true; settings: DeepLinkingSettings } | { ok: false; problem: string };

/** The stored claim (JSON text) read, or what is wrong with it in a sentence for an LMS administrator. */
export function parseDeepLinkingSettings(json: string): SettingsResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, problem: "the deep_linking_settings claim is not JSON" };
  }
  const parsed = DeepLinkingSettingsSchema.safeParse(value);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue.path.join(".") || "deep_linking_settings";
  return { ok: false, problem: `${path}: ${issue.message}` };
}

/** Whether the platform accepts what this tool makes: LTI resource links. */
export function acceptsResourceLinks(settings: DeepLinkingSettings): boolean {
  return settings.accept_types.includes(RESOURCE_LINK);
}

export type QuizForItem = { id: string; title: string; points: number };

export type ResourceLinkItem = {
  type: "ltiResourceLink";
  title: string;
  text?: string;
  url: string;
  custom: Record<string, string>;
  lineItem?: { scoreMaximum: number; label: string; resourceId: string };
};

/**
 * The content item for `quiz`. It asks the platform for a gradebook column (lineItem) unless the
 * platform said it takes none, or the quiz has no points yet — a line item's scoreMaximum must be
 * above 0 — in which case the score sender makes the column on the first score.
 */
export function resourceLinkItem(
  quiz: QuizForItem,
  launchUrl: string,
  settings: Pick<DeepLinkingSettings, "accept_lineitem">,
  text?: string,
): ResourceLinkItem {
  const item: ResourceLinkItem = { type: RESOURCE_LINK, title: quiz.title, url: launchUrl, custom: { [QUIZ_CUSTOM_KEY]: quiz.id } };
  if (text) item.text = text;
  if (settings.accept_lineitem !== false && quiz.points > 0)
    item.lineItem = { scoreMaximum: quiz.points, label: quiz.title, resourceId: quiz.id };
  return item;
}

export type ResponseInput = {
  clientId: string;
  issuer: string;
  deploymentId: string;
  settings: Pick<DeepLinkingSettings, "data">;
  items: ResourceLinkItem[];
  nonce: string;
  /** Shown by the platform to the person (dl:msg). */
  message?: string;
  /** Shown by the platform as an error (dl:errormsg). */
  errorMessage?: string;
};

/** The LtiDeepLinkingResponse's claims (Deep Linking 2.0 §4.5): iat and exp are set when signing. */
export function deepLinkingResponseClaims(input: ResponseInput): JWTPayload {
  const claims: JWTPayload = {
    iss: input.clientId,
    aud: input.issuer,
    nonce: input.nonce,
    [CLAIM.deploymentId]: input.deploymentId,
    [CLAIM.messageType]: MESSAGE_TYPE.deepLinkingResponse,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.contentItems]: input.items,
  };
  if (input.settings.data !== undefined) claims[CLAIM.data] = input.settings.data;
  if (input.message !== undefined) claims[CLAIM.dlMessage] = input.message;
  if (input.errorMessage !== undefined) claims[CLAIM.dlErrorMessage] = input.errorMessage;
  return claims;
}

/** The response signed with the tool's current key. */
export function signDeepLinkingResponse(db: Pick<Db, "ltiKey">, claims: JWTPayload, now: Date): Promise<string> {
  return signToolJwt(db, claims, { lifetimeSec: RESPONSE_LIFETIME_SEC, now });
}

const QuizIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * The quiz a launch's custom claim names (put there by a deep-linking response), or null. The
 * caller still checks the quiz belongs to the link's course: the claim is the platform's copy of
 * what an instructor chose, and anyone who can edit the activity in the LMS can change it.
 */
export function quizIdFromCustom(custom: unknown): string | null {
  if (typeof custom !== "object" || custom === null || Array.isArray(custom)) return null;
  const parsed = QuizIdSchema.safeParse((custom as Record<string, unknown>)[QUIZ_CUSTOM_KEY]);
  return parsed.success ? parsed.data : null;
}
