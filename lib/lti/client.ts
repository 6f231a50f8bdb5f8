// What client components may know of LTI: whether an address is one made up for a person the
// LMS gave none for (lib/lti/placeholder-email.ts makes them), so that no page shows it.

export const PLACEHOLDER_EMAIL_DOMAIN = "lms.invalid";

export function isPlaceholderEmail(email: string): boolean {
  return email.endsWith(`@${PLACEHOLDER_EMAIL_DOMAIN}`);
}
