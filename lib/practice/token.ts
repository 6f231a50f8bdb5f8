// A practice question travels to the browser as an opaque token: the template id and seed,
// encrypted and authenticated (AES-256-GCM) with a key derived from the auth secret, so the
// seed never reaches the browser and a token cannot be forged or altered.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { z } from "zod";

const Payload = z.object({ t: z.string().min(1).max(100), s: z.number().int().min(0).max(0xffff_ffff) });
export type PracticeVariant = { templateId: string; seed: number };

function key(secret: string): Buffer {
  return createHash("sha256").update(`synack-practice:${secret}`).digest();
}

export function sealVariant(variant: PracticeVariant, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify({ t: variant.templateId, s: variant.seed })), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The variant inside a token, or null when it is not one of ours. */
export function openVariant(token: string, secret: string): PracticeVariant | null {
  try {
    const raw = Buffer.from(token, "base64url");
    if (raw.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const parsed = Payload.safeParse(JSON.parse(json));
    return parsed.success ? { templateId: parsed.data.t, seed: parsed.data.s } : null;
  } catch {
    return null;
  }
}
