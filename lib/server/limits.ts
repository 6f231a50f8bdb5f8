// The size limits of request bodies, in one place: the route handlers, proxy.ts and
// next.config.ts (which hands the action limit to Next.js) all read them from here.

/** The largest JSON body a route handler reads: a draft answer is a few hundred bytes. */
export const JSON_BODY_LIMIT = 64_000;

/**
 * The largest server-action body: the biggest form is a pasted list of up to 100,000
 * characters of email addresses (enroll by email), a few hundred KB at most in UTF-8.
 */
export const ACTION_BODY_LIMIT = 512 * 1024;

/** Deeper than any answer or form state the app sends (those are under 10 levels). */
export const MAX_JSON_DEPTH = 32;
