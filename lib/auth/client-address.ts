// The address a request came from, for the sign-in and sign-up limits. Next.js 16 gives route
// handlers and server actions no socket address (no `request.ip`), and the X-Forwarded-For it
// passes on is whatever the client sent, filled in with the socket's address only when absent.
// So scripts/serve.mjs, the server `npm start` runs, copies each request's socket address into
// a header whose name is random per process (env SYNACK_PEER_HEADER): a client cannot set it,
// and an app served without the wrapper (`next dev`) sees no header at all.
//
// Behind TRUST_PROXY = N reverse proxies the socket's peer is the nearest proxy; the client is
// the address the outermost trusted proxy appended: the Nth X-Forwarded-For entry from the
// right. Entries further left were written by the client and are never used.
import { isIP } from "node:net";
import { env } from "../env";

type HeaderSource = { get(name: string): string | null };

function normalize(address: string | null | undefined): string | null {
  const value = address?.trim();
  if (!value) return null;
  // An IPv4 client of a dual-stack socket appears as ::ffff:a.b.c.d.
  const unmapped = value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
  return isIP(unmapped) ? unmapped.toLowerCase() : null;
}

/**
 * The client's address from the socket's `peer` and the X-Forwarded-For header, trusting
 * `trustedHops` proxies; null when it cannot be known.
 */
export function resolveClientAddress(peer: string | null, forwardedFor: string | null, trustedHops: number): string | null {
  if (trustedHops === 0) return normalize(peer);
  // Nearest hop first: the socket's peer, then the entries each proxy appended, right to left.
  const entries = forwardedFor ? forwardedFor.split(",") : [];
  const hops = [peer, ...entries.reverse()];
  // Fewer entries than proxies: the request skipped some; the furthest hop is the best guess.
  return normalize(hops[Math.min(trustedHops, hops.length - 1)]);
}

/** The client's address for a request's headers, or null when the server did not say (see above). */
export function clientAddress(headers: HeaderSource): string | null {
  const peer = env.SYNACK_PEER_HEADER ? headers.get(env.SYNACK_PEER_HEADER) : null;
  if (env.TRUST_PROXY === 0) return normalize(peer);
  return resolveClientAddress(peer, headers.get("x-forwarded-for"), env.TRUST_PROXY);
}
