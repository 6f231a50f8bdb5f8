// Runs before every page request (Next.js 16 "proxy", formerly middleware). While the
// database is unreachable, pages get the 503 page; each request checks again (cached for a
// second), so the app recovers by itself. The JSON APIs are not routed through here: the
// proxy costs milliseconds on the hot autosave path, and their handlers answer 503 themselves
// (lib/server/route.ts); /api/health and /api/auth ask the database directly.
import { NextResponse, type NextRequest } from "next/server";
import { databaseHealthy } from "@/lib/db/health";

export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === "/unavailable") return NextResponse.next();
  if (await databaseHealthy()) return NextResponse.next();
  return NextResponse.rewrite(new URL("/unavailable", request.url), { status: 503, headers: { "Retry-After": "5" } });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
