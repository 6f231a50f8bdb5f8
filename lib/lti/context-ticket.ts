// Proof that a launch named someone an instructor of an LMS course that is not linked to a
// course here yet: the link page (/lti/contexts/[id]) lets only them link it, and there is no
// enrolment to ask. A short-lived HMAC over (context, user, expiry) with the app's secret, so
// no row is kept for it. Pure.
import { createHmac, timingSafeEqual } from "node:crypto";

export const TICKET_TTL_SEC = 60 * 60;

function signature(secret: string, contextId: string, userId: string, expiresSec: number): string {
  return createHmac("sha256", secret).update(`lti-context\0${contextId}\0${userId}\0${expiresSec}`).digest("base64url");
}

export function contextTicket(secret: string, contextId: string, userId: string, now: Date): string {
  const expiresSec = Math.floor(now.getTime() / 1000) + TICKET_TTL_SEC;
  return `${expiresSec}.${signature(secret, contextId, userId, expiresSec)}`;
}

export function ticketValid(secret: string, ticket: string, contextId: string, userId: string, now: Date): boolean {
  const match = /^(\d{1,12})\.([\w-]{43})$/.exec(ticket);
  if (!match) return false;
  const expiresSec = Number(match[1]);
  if (expiresSec * 1000 <= now.getTime()) return false;
  const given = Buffer.from(match[2]);
  const expected = Buffer.from(signature(secret, contextId, userId, expiresSec));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
