// The writes of registration (lib/lti/registration.ts): a platform with its deployments and the
// audit entry saying so in one transaction, and the one-time dynamic-registration invites.
// Low-traffic paths, so Prisma (docs/data-access.md).
import { auditCreate, type AuditEntry } from "../audit";
import type { Db } from "../db/client";
import type { PlatformRow } from "./platform-queries";

export type RegistrationDb = Pick<Db, "ltiPlatform" | "ltiDeployment" | "ltiRegistrationInvite" | "auditLog" | "$transaction">;

export interface PlatformFields {
  name: string;
  product: string;
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  authAudience: string | null;
  registeredVia: string;
}

/**
 * Inserts the platform, or (`update`) updates the one with its (issuer, client id) — else null —,
 * adds the deployments it does not have yet, and writes the audit entry `audit` describes, all or nothing.
 */
export function savePlatform(
  db: RegistrationDb,
  fields: PlatformFields,
  deploymentIds: readonly string[],
  audit: (platform: PlatformRow, created: boolean) => AuditEntry,
  options: { update: boolean },
): Promise<PlatformRow | null> {
  const { issuer, clientId, ...rest } = fields;
  return db.$transaction(async (tx) => {
    const existing = await tx.ltiPlatform.findUnique({ where: { issuer_clientId: { issuer, clientId } } });
    if (existing && !options.update) return null;
    const platform = existing
      ? await tx.ltiPlatform.update({ where: { id: existing.id }, data: rest })
      : await tx.ltiPlatform.create({ data: fields });
    for (const deploymentId of deploymentIds)
      await tx.ltiDeployment.upsert({
        where: { platformId_deploymentId: { platformId: platform.id, deploymentId } },
        create: { platformId: platform.id, deploymentId },
        update: {},
      });
    await auditCreate(tx, audit(platform, !existing));
    return platform;
  });
}

export async function insertInvite(
  db: RegistrationDb,
  row: { tokenHash: string; createdById: string; createdAt: Date; expiresAt: Date },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const invite = await tx.ltiRegistrationInvite.create({ data: row, select: { id: true } });
    await auditCreate(tx, {
      actorId: row.createdById,
      action: "lti.registration-invite.create",
      target: invite.id,
      detail: { expiresAt: row.expiresAt },
    });
    return invite;
  });
}

/**
 * Takes the unused, unexpired invite with this token hash for one registration: a conditional
 * update, so two windows opening the same URL cannot both have it. Null when there is none.
 */
export async function claimInvite(db: RegistrationDb, hash: string, now: Date): Promise<{ id: string; createdById: string } | null> {
  const invite = await db.ltiRegistrationInvite.findUnique({ where: { tokenHash: hash } });
  if (!invite || invite.expiresAt <= now) return null;
  const { count } = await db.ltiRegistrationInvite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now } });
  return count === 1 ? { id: invite.id, createdById: invite.createdById } : null;
}

/** A registration that failed gives its invite back, so the admin can try the same URL again. */
export async function releaseInvite(db: RegistrationDb, id: string, audit: AuditEntry): Promise<void> {
  await db.$transaction([db.ltiRegistrationInvite.update({ where: { id }, data: { usedAt: null } }), auditCreate(db, audit)]);
}

export async function inviteRegistered(db: RegistrationDb, id: string, platformId: string): Promise<void> {
  await db.ltiRegistrationInvite.update({ where: { id }, data: { platformId } });
}
