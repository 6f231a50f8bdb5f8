// The registered platforms and their deployments: low-traffic paths, so Prisma
// (docs/data-access.md). Launches look a platform up by (issuer, client id); the services by id.
import type { Db } from "../db/client";
import type { LtiPlatform } from "../db/generated/sqlite/client";

export type PlatformRow = LtiPlatform;

type Reader = Pick<Db, "ltiPlatform" | "ltiDeployment">;

export function platformById(db: Reader, id: string): Promise<PlatformRow | null> {
  return db.ltiPlatform.findUnique({ where: { id } });
}

/** Every platform with this issuer: Canvas and Blackboard use one issuer for all their customers. */
export function platformsByIssuer(db: Reader, issuer: string): Promise<PlatformRow[]> {
  return db.ltiPlatform.findMany({ where: { issuer }, orderBy: { createdAt: "asc" } });
}

export function platformByIssuerAndClient(db: Reader, issuer: string, clientId: string): Promise<PlatformRow | null> {
  return db.ltiPlatform.findUnique({ where: { issuer_clientId: { issuer, clientId } } });
}

export async function deploymentRegistered(db: Reader, platformId: string, deploymentId: string): Promise<boolean> {
  const row = await db.ltiDeployment.findUnique({ where: { platformId_deploymentId: { platformId, deploymentId } } });
  return row !== null;
}

/** Every platform with its deployments, for the admin page. */
export function platformsWithDeployments(db: Reader) {
  return db.ltiPlatform.findMany({
    orderBy: { createdAt: "asc" },
    include: { deployments: { orderBy: { createdAt: "asc" } } },
  });
}

/** The origins of every registered platform's login endpoint: who may frame the app (frame-ancestors). */
export async function platformOrigins(db: Reader): Promise<string[]> {
  const rows = await db.ltiPlatform.findMany({ select: { authUrl: true, issuer: true } });
  const origins = new Set<string>();
  for (const r of rows)
    for (const url of [r.authUrl, r.issuer]) {
      try {
        origins.add(new URL(url).origin);
      } catch {
        // An issuer need not be a URL; only URLs name an origin.
      }
    }
  return [...origins].sort();
}
