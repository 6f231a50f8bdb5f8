// For load balancers: 200 when this instance can reach its database, else 503.
import { databaseHealthy } from "@/lib/db/health";
import { provider } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseHealthy();
  return Response.json({ status: ok ? "ok" : "unavailable", database: provider }, { status: ok ? 200 : 503 });
}
