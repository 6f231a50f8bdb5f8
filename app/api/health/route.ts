// For load balancers: 200 when this instance can reach its database, else 503.
import { databaseHealthy } from "@/lib/db/health";
import { provider } from "@/lib/env";
import { json, otherMethods } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseHealthy();
  return json({ status: ok ? "ok" : "unavailable", database: provider }, ok ? 200 : 503);
}

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
