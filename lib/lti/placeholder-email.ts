// The address of an account made for a person the LMS gives no address for (a "No PII" launch,
// a roster member without email), or whose address another account already holds: unique per
// LMS identity, the same whichever path makes it (a launch or a roster sync), and never
// deliverable (RFC 2606 reserves .invalid). Pages show no address for it.
import { createHash } from "node:crypto";

import { PLACEHOLDER_EMAIL_DOMAIN } from "./client";

export { isPlaceholderEmail, PLACEHOLDER_EMAIL_DOMAIN } from "./client";

export function placeholderEmail(issuer: string, sub: string): string {
  return `lti-${createHash("sha256").update(`${issuer}\0${sub}`).digest("hex").slice(0, 32)}@${PLACEHOLDER_EMAIL_DOMAIN}`;
}
