// What a site administrator does on /admin/lti besides registering: edit or delete a platform,
// add or remove its deployment ids, and rotate the tool's signing key. Every change is audited.
import { auditCreate } from "../audit";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import {
  deleteDeployment,
  deletePlatformRow,
  insertDeployment,
  pairTaken,
  updatePlatformRow,
  type AdminDb,
} from "./platform-admin-queries";
import type { PlatformRow } from "./platform-queries";
import type { PlatformInput } from "./registration-config";
import { currentKey, LONGEST_TOKEN_SEC, publishedJwks, rotateKeys } from "./tool-keys";

const notFound = () => new AppError("NOT_FOUND", msg("ltiAdmin.errors.notFound"));

export async function updatePlatform(
  db: AdminDb,
  actorId: string,
  id: string,
  input: Omit<PlatformInput, "deploymentIds">,
): Promise<PlatformRow> {
  if (await pairTaken(db, id, input.issuer, input.clientId)) throw new AppError("CONFLICT", msg("ltiAdmin.errors.duplicate"));
  const fields = { ...input, authAudience: input.authAudience || null };
  const row = await updatePlatformRow(db, id, fields, { actorId, action: "lti.platform.edit", target: id, detail: fields });
  if (!row) throw notFound();
  return row;
}

export async function deletePlatform(db: AdminDb, actorId: string, id: string): Promise<PlatformRow> {
  const row = await deletePlatformRow(db, id, (p) => ({
    actorId,
    action: "lti.platform.delete",
    target: id,
    detail: { name: p.name, issuer: p.issuer, clientId: p.clientId },
  }));
  if (!row) throw notFound();
  return row;
}

export async function addDeployment(db: AdminDb, actorId: string, platformId: string, deploymentId: string): Promise<void> {
  const audit = { actorId, action: "lti.deployment.add", target: platformId, detail: { deploymentId } };
  if (!(await insertDeployment(db, platformId, deploymentId, audit))) throw notFound();
}

export async function removeDeployment(db: AdminDb, actorId: string, platformId: string, deploymentId: string): Promise<void> {
  const audit = { actorId, action: "lti.deployment.remove", target: platformId, detail: { deploymentId } };
  if (!(await deleteDeployment(db, platformId, deploymentId, audit))) throw notFound();
}

/** A new signing key; the old one stays published for LONGEST_TOKEN_SEC (lib/lti/tool-keys.ts). */
export async function rotateToolKey(db: AdminDb, actorId: string, now = new Date()): Promise<{ kid: string }> {
  const key = await rotateKeys(db, now);
  await auditCreate(db, {
    actorId,
    action: "lti.key.rotate",
    target: key.id,
    detail: { oldKeysPublishedForSec: LONGEST_TOKEN_SEC },
  });
  return { kid: key.id };
}

/** The key that signs now and how many keys the JWKS publishes, for the admin page. */
export async function toolKeyStatus(db: AdminDb, now = new Date()): Promise<{ kid: string; createdAt: Date; published: number }> {
  const key = await currentKey(db, now);
  const { keys } = await publishedJwks(db, now);
  return { kid: key.id, createdAt: key.createdAt, published: keys.length };
}
