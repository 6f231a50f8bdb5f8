// The Assignment and Grade Services calls to a platform: find the line item of a resource link
// (or create it), post a score, delete a line item made twice. Each failure is an
// LtiServiceError saying whether a later try may succeed (5xx, 429, unreachable) or not (any
// other 4xx, with what the platform said).
import { z } from "zod";
import { lineItemsForLinkUrl, nextPageUrl, scoresUrl } from "./ags";
import { LtiServiceError, type Fetch } from "./service-token";
import { MEDIA_TYPE } from "./vocabulary";

const TIMEOUT_MS = 15_000;
/** A course has a few line items per link at most; a container longer than this is not followed further. */
const MAX_PAGES = 20;

const LineItem = z.object({
  id: z.string().url().max(2048),
  resourceLinkId: z.string().max(1024).optional().nullable(),
  resourceId: z.string().max(1024).optional().nullable(),
});

type Call = { token: string; fetch?: Fetch };

async function call(what: string, url: string, init: RequestInit, { token, fetch: f = fetch }: Call): Promise<Response> {
  let response: Response;
  try {
    response = await f(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new LtiServiceError(`${what}: the LMS could not be reached (${(error as Error).message})`, 0, true);
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => "")).slice(0, 300);
    throw new LtiServiceError(
      `${what}: the LMS answered ${response.status}${text ? ` — ${text}` : ""}`,
      response.status,
      response.status >= 500 || response.status === 429 || response.status === 401,
    );
  }
  return response;
}

/** The line items of `resourceLinkId` in the container, following `Link: rel="next"`. */
async function lineItemsOfLink(lineItemsUrl: string, resourceLinkId: string, c: Call): Promise<z.infer<typeof LineItem>[]> {
  const items: z.infer<typeof LineItem>[] = [];
  let url: string | null = lineItemsForLinkUrl(lineItemsUrl, resourceLinkId);
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const response = await call("looking up the line item", url, { headers: { Accept: MEDIA_TYPE.lineItemContainer } }, c);
    const parsed = z.array(LineItem).safeParse(await response.json().catch(() => null));
    if (!parsed.success)
      throw new LtiServiceError("looking up the line item: the LMS's answer is not a list of line items", response.status, false);
    items.push(...parsed.data);
    url = nextPageUrl(response.headers.get("link"));
  }
  // A platform that ignores the filter still names each item's link.
  return items.filter((i) => i.resourceLinkId == null || i.resourceLinkId === resourceLinkId);
}

export type NewLineItem = { lineItemsUrl: string; resourceLinkId: string; resourceId: string; label: string; scoreMaximum: number };

/**
 * The line item scores of this link go to: the one the container already has for the link, or
 * a new one when there is none and `mayCreate` (the lineitem scope was granted). Creating is not
 * idempotent on any platform, so it is looked up first, every time.
 */
export async function findOrCreateLineItem(item: NewLineItem, mayCreate: boolean, c: Call): Promise<{ url: string; created: boolean }> {
  const found = await lineItemsOfLink(item.lineItemsUrl, item.resourceLinkId, c);
  const own = found.find((i) => i.resourceLinkId === item.resourceLinkId) ?? found[0];
  if (own) return { url: own.id, created: false };
  if (!mayCreate)
    throw new LtiServiceError("the activity has no gradebook column in the LMS, and the LMS did not allow making one", 403, false);
  const response = await call(
    "making the gradebook column",
    item.lineItemsUrl,
    {
      method: "POST",
      headers: { "Content-Type": MEDIA_TYPE.lineItem, Accept: MEDIA_TYPE.lineItem },
      body: JSON.stringify({
        scoreMaximum: item.scoreMaximum,
        label: item.label,
        resourceId: item.resourceId,
        resourceLinkId: item.resourceLinkId,
      }),
    },
    c,
  );
  const parsed = LineItem.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new LtiServiceError("making the gradebook column: the LMS's answer has no line item id", response.status, false);
  return { url: parsed.data.id, created: true };
}

/** Deletes a line item this tool made (one made twice by two senders at once). */
export async function deleteLineItem(url: string, c: Call): Promise<void> {
  await call("removing a duplicate gradebook column", url, { method: "DELETE" }, c);
}

/** Posts one score to the line item (`<line item>/scores`, the score media type exactly). */
export async function postScore(lineItemUrl: string, body: Record<string, unknown>, c: Call): Promise<void> {
  const response = await call(
    "sending the score",
    scoresUrl(lineItemUrl),
    { method: "POST", headers: { "Content-Type": MEDIA_TYPE.score, Accept: "application/json" }, body: JSON.stringify(body) },
    c,
  );
  await response.body?.cancel().catch(() => undefined);
}
