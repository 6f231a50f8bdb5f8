// The tool's RS256 signing keys, kept in the database so every app instance signs with the
// same one and publishes the same set (/api/lti/jwks). The newest unretired key signs;
// rotation adds a key and retires the old one, which stays published for as long as a token it
// signed can still be accepted (Security Framework §6.3: the verifier fetches the key by kid).
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from "jose";
import type { Db } from "../db/client";

/** The longest lifetime of anything the tool signs (deep-linking responses, service assertions). */
export const LONGEST_TOKEN_SEC = 60 * 60;

type KeyRow = { id: string; privateJwk: string; publicJwk: string; createdAt: Date; retiredAt: Date | null };

async function newKey(db: Pick<Db, "ltiKey">, now: Date): Promise<KeyRow> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256" };
  return db.ltiKey.create({
    data: { id: kid, privateJwk: JSON.stringify(privateJwk), publicJwk: JSON.stringify(publicJwk), createdAt: now },
  });
}

/** The key that signs now: the newest unretired one, made on first use. */
export async function currentKey(db: Pick<Db, "ltiKey">, now = new Date()): Promise<KeyRow> {
  const key = await db.ltiKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  return key ?? newKey(db, now);
}

/** A new signing key; the previous one is retired but stays published (see publishedJwks). */
export async function rotateKeys(db: Pick<Db, "ltiKey">, now = new Date()): Promise<KeyRow> {
  await db.ltiKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } });
  return newKey(db, now);
}

/** The JWKS the platforms verify against: the current key and every key retired too recently to drop. */
export async function publishedJwks(db: Pick<Db, "ltiKey">, now = new Date()): Promise<{ keys: JWK[] }> {
  await currentKey(db, now);
  const cutoff = new Date(now.getTime() - LONGEST_TOKEN_SEC * 1000);
  const rows = await db.ltiKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: cutoff } }] },
    orderBy: { createdAt: "desc" },
  });
  return { keys: rows.map((r) => JSON.parse(r.publicJwk) as JWK) };
}

/** Keys retired longer ago than any token they signed can live: removed. */
export async function dropExpiredKeys(db: Pick<Db, "ltiKey">, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - LONGEST_TOKEN_SEC * 1000);
  const { count } = await db.ltiKey.deleteMany({ where: { retiredAt: { lte: cutoff } } });
  return count;
}

/**
 * A JWT signed with the current key, `kid` in its header. `lifetimeSec` must not exceed
 * LONGEST_TOKEN_SEC (a retired key is published only that long).
 */
export async function signToolJwt(
  db: Pick<Db, "ltiKey">,
  payload: JWTPayload,
  options: { lifetimeSec: number; now?: Date },
): Promise<string> {
  if (options.lifetimeSec > LONGEST_TOKEN_SEC) throw new Error(`token lifetime over ${LONGEST_TOKEN_SEC} s`);
  const now = options.now ?? new Date();
  const key = await currentKey(db, now);
  const privateKey = await importJWK(JSON.parse(key.privateJwk) as JWK, "RS256");
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.id })
    .setIssuedAt(iat)
    .setExpirationTime(iat + options.lifetimeSec)
    .sign(privateKey);
}
