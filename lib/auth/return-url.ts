// Where to go after signing in: only paths on this site, never another origin.
export function safeReturnUrl(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
