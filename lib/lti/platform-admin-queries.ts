// The admin page's changes to registered platforms, each with its audit entry in the same
// transaction. Low-traffic paths, so Prisma (docs/data-access.md).
import { auditCreate, type AuditEntry } from "../audit";
import type { Db } from "../db/client";
import type { PlatformRow } from "./platform-queries";

export type AdminDb = Pick<Db, "ltiPlatform" | "ltiDeployment" | "ltiKey" | "auditLog" | "$transaction">;

export type EditableFields = Pick<
  PlatformRow,
  "name" | "product" | "issuer" | "clientId" | "authUrl" | "tokenUrl" | "jwksUrl" | "authAudience"
>;

/** True when another platform than `id` has this (issuer, client id). */
export async function pairTaken(db: AdminDb, id: string, issuer: string, clientId: string): Promise<boolean> {
  const row = await db.ltiPlatform.findUnique({ where: { issuer_clientId: { issuer, clientId } }, select: { id: true } });
  return row !== null && row.id !== id;
}

/** Null when the platform does not exist. */
export async function updatePlatformRow(db: AdminDb, id: string, fields: EditableFields, audit: AuditEntry): Promise<PlatformRow | null> {
  return db.$transaction(async (tx) => {
    if (!(await tx.ltiPlatform.findUnique({ where: { id }, select: { id: true } }))) return null;
    const row = await tx.ltiPlatform.update({ where: { id }, data: fields });
    await auditCreate(tx, audit);
    return row;
  });
}

/** The platform deleted (its deployments, contexts and links with it), or null when there was none. */
export async function deletePlatformRow(db: AdminDb, id: string, audit: (row: PlatformRow) => AuditEntry): Promise<PlatformRow | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.ltiPlatform.findUnique({ where: { id } });
    if (!row) return null;
    await tx.ltiPlatform.delete({ where: { id } });
    await auditCreate(tx, audit(row));
    return row;
  });
}

/** Adds the deployment (false when the platform does not exist); adding one it has changes nothing. */
export async function insertDeployment(db: AdminDb, platformId: string, deploymentId: string, audit: AuditEntry): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await tx.ltiPlatform.findUnique({ where: { id: platformId }, select: { id: true } }))) return false;
    const existing = await tx.ltiDeployment.findUnique({ where: { platformId_deploymentId: { platformId, deploymentId } } });
    if (!existing) {
      await tx.ltiDeployment.create({ data: { platformId, deploymentId } });
      await auditCreate(tx, audit);
    }
    return true;
  });
}

/** Removes the deployment; false when it was not there. */
export async function deleteDeployment(db: AdminDb, platformId: string, deploymentId: string, audit: AuditEntry): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.ltiDeployment.deleteMany({ where: { platformId, deploymentId } });
    if (count > 0) await auditCreate(tx, audit);
    return count > 0;
  });
}
