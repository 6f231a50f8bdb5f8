// Runs before every page and API request (Next.js 16 "proxy", formerly middleware).
// While the database is unreachable, pages get the 503 page and APIs a 503 JSON body;
// each request checks again (cached for a second), so the app recovers by itself.
import { NextResponse, type NextRequest } from "next/server";
import { databaseHealthy } from "@/lib/db/health";

export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === "/unavailable") return NextResponse.next();
  if (await databaseHealthy()) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: "UNAVAILABLE", message: "The database cannot be reached. Try again shortly." },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  return NextResponse.rewrite(new URL("/unavailable", request.url), { status: 503, headers: { "Retry-After": "5" } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
