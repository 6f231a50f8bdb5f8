// A practice question travels to the browser as an opaque token: the template id and seed,
// encrypted and authenticated (AES-256-GCM) with a key derived from the auth secret, so the
// seed never reaches the browser and a token cannot be forged or altered. The token also says
// whom it was shown to (the signed-in user, or "a signed-out visitor"), until when it can be
// answered, and its own random id, under which its result is recorded once.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { msg } from "../i18n/msg";

/** A practice question can be answered for this long after it was shown. */
export const PRACTICE_TOKEN_MINUTES = 120;

/** What a student is told when a token can no longer be answered: too old, or shown to someone else. */
export const TOKEN_EXPIRED = msg("practice.errors.expired");
export const TOKEN_OTHER_VIEWER = msg("practice.errors.otherViewer");

/** Who a question was shown to: a signed-in user's id, or null for a signed-out visitor. */
export type Viewer = string | null;

const Payload = z.object({
  t: z.string().min(1).max(100),
  s: z.number().int().min(0).max(0xffff_ffff),
  /** The viewer: a user id, or "" for a signed-out visitor. */
  v: z.string().max(100),
  /** Answerable until (ms since the epoch). */
  e: z.number().int(),
  /** The token's id. */
  i: z.string().min(16).max(32),
});

export type PracticeVariant = { templateId: string; seed: number };
export type OpenedToken = PracticeVariant & { viewer: Viewer; expiresAt: Date; id: string };

function key(secret: string): Buffer {
  return createHash("sha256").update(`synack-practice:${secret}`).digest();
}

export function sealVariant(variant: PracticeVariant, viewer: Viewer, secret: string, now = new Date()): string {
  const payload: z.infer<typeof Payload> = {
    t: variant.templateId,
    s: variant.seed,
    v: viewer ?? "",
    e: now.getTime() + PRACTICE_TOKEN_MINUTES * 60_000,
    i: randomBytes(12).toString("base64url"),
  };
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload)), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** What a token holds, or null when it is not one of ours. Expiry and viewer are the caller's to check. */
export function openToken(token: string, secret: string): OpenedToken | null {
  try {
    const raw = Buffer.from(token, "base64url");
    if (raw.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const parsed = Payload.safeParse(JSON.parse(json));
    if (!parsed.success) return null;
    const p = parsed.data;
    return { templateId: p.t, seed: p.s, viewer: p.v || null, expiresAt: new Date(p.e), id: p.i };
  } catch {
    return null;
  }
}
