// A value carried in a URL: the sandbox's shared scenario (`/sandbox?s=…`) and the draft it
// hands to the question editor (`…/questions/new?draft=…`). base64url of the UTF-8 JSON, so it
// survives any URL; bounded, so a link cannot make a page parse megabytes. Pure and client-safe.

/** Longest encoded value a page accepts (a scenario with many actions is 2–4 KB of JSON). */
export const MAX_SHARED_CHARS = 24_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function encodeShared(value: unknown): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

/** The value, or null when the text is too long, not base64url, not UTF-8 or not JSON. */
export function decodeShared(text: string | null | undefined): unknown {
  if (!text || text.length > MAX_SHARED_CHARS || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(fromBase64Url(text)));
  } catch {
    return null;
  }
}
