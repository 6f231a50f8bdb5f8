// Assignment and Grade Services on the mock platform: a line item container (GET with the
// resource_link_id filter, POST to create) and each line item's scores endpoint, enforcing what
// Canvas's and Moodle's score endpoints enforce — the score media type exactly, the required
// fields, an ISO 8601 timestamp, scoreGiven only with scoreMaximum, a gradable user, and a
// timestamp not older than the stored one (Moodle: strictly later by whole seconds, else 409;
// Canvas: not earlier, else 400). `style` also shapes the URLs: Moodle's line item URLs carry
// a `?type_id=` query that the scores URL must keep.
import type { IncomingMessage } from "node:http";
import { sendJson, type MockPlatform } from "./index";

const MEDIA = {
  container: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  score: "application/vnd.ims.lis.v1.score+json",
};
const SCOPE = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
};

export type AgsStyle = "canvas" | "moodle";

export interface MockLineItem {
  id: string;
  label: string;
  scoreMaximum: number;
  resourceId?: string;
  resourceLinkId?: string;
}

export interface AcceptedScore {
  lineItem: string;
  userId: string;
  body: Record<string, unknown>;
  contentType: string;
}

export interface MockAgs {
  /** The container URL the launch's AGS claim gives (`lineitems`). */
  lineItemsUrl: string;
  lineItems: MockLineItem[];
  /** Line items created through the container (POST). */
  created: MockLineItem[];
  /** Every score the platform took, in order. */
  accepted: AcceptedScore[];
  /** Every score POST, taken or refused, with the status answered. */
  posts: { path: string; status: number; body: string; contentType: string }[];
  /** The latest score taken for a user on a line item. */
  latest(lineItemUrl: string, userId: string): Record<string, unknown> | undefined;
  /** A line item made by the LMS itself (deep linking, or by hand); its URL. */
  addLineItem(item: Omit<MockLineItem, "id">): string;
  /** Delays every score answer by this long (a post in flight while the tool queues another). */
  delayScores(ms: number): void;
}

export function installAgs(platform: MockPlatform, options: { style: AgsStyle; gradable?: (userId: string) => boolean }): MockAgs {
  const { style } = options;
  const base = style === "moodle" ? "/mod/lti/services.php/2/lineitems" : "/api/lti/courses/1/line_items";
  const typeId = "3";
  let next = 1;
  let delayMs = 0;
  const stored = new Map<string, { at: number; body: Record<string, unknown> }>();

  const itemUrl = (n: number) =>
    style === "moodle" ? `${platform.origin}${base}/${n}/lineitem?type_id=${typeId}` : `${platform.origin}${base}/${n}`;
  const itemPath = style === "moodle" ? new RegExp(`^${base}/(\\d+)/lineitem$`) : new RegExp(`^${base}/(\\d+)$`);
  const scoresPath = style === "moodle" ? new RegExp(`^${base}/(\\d+)/lineitem/scores$`) : new RegExp(`^${base}/(\\d+)/scores$`);

  const ags: MockAgs = {
    lineItemsUrl: style === "moodle" ? `${platform.origin}${base}?type_id=${typeId}` : `${platform.origin}${base}`,
    lineItems: [],
    created: [],
    accepted: [],
    posts: [],
    latest: (url, userId) => stored.get(`${url}\n${userId}`)?.body,
    addLineItem(item) {
      const id = itemUrl(next++);
      ags.lineItems.push({ id, ...item });
      return id;
    },
    delayScores(ms) {
      delayMs = ms;
    },
  };

  const allows = (granted: string, ...scopes: string[]) => scopes.some((s) => granted.split(" ").includes(s));
  const refuse = (res: Parameters<Parameters<MockPlatform["route"]>[2]>[1], status: number, message: string) =>
    sendJson(res, status, style === "moodle" ? { status, reason: message, request: { method: "POST" } } : { errors: [{ message }] });

  platform.route("GET", base, (req, res, url) => {
    const token = platform.bearer(req, res);
    if (!token) return;
    if (!allows(token.scope, SCOPE.lineItem, SCOPE.lineItemReadOnly)) return refuse(res, 403, "scope not granted");
    if (style === "moodle" && url.searchParams.get("type_id") !== typeId) return refuse(res, 400, "No type_id");
    const link = url.searchParams.get("resource_link_id");
    const items = ags.lineItems.filter((i) => link === null || i.resourceLinkId === link);
    res.writeHead(200, { "Content-Type": MEDIA.container });
    res.end(JSON.stringify(items));
  });

  platform.route("POST", base, (req, res, url, body) => {
    const token = platform.bearer(req, res);
    if (!token) return;
    if (!allows(token.scope, SCOPE.lineItem)) return refuse(res, 403, "scope not granted");
    if (style === "moodle" && url.searchParams.get("type_id") !== typeId) return refuse(res, 400, "No type_id");
    if (contentType(req) !== MEDIA.lineItem) return refuse(res, 415, "line item media type expected");
    const item = parse(body);
    if (!item || typeof item.label !== "string" || typeof item.scoreMaximum !== "number" || item.scoreMaximum <= 0)
      return refuse(res, 400, "label and a positive scoreMaximum are required");
    const id = ags.addLineItem({
      label: item.label,
      scoreMaximum: item.scoreMaximum,
      resourceId: typeof item.resourceId === "string" ? item.resourceId : undefined,
      resourceLinkId: typeof item.resourceLinkId === "string" ? item.resourceLinkId : undefined,
    });
    const created = ags.lineItems[ags.lineItems.length - 1];
    ags.created.push(created);
    res.writeHead(201, { "Content-Type": MEDIA.lineItem });
    res.end(JSON.stringify({ ...created, id }));
  });

  platform.route("DELETE", itemPath, (req, res, url) => {
    const token = platform.bearer(req, res);
    if (!token) return;
    const id = itemUrl(Number(itemPath.exec(url.pathname)![1]));
    ags.lineItems = ags.lineItems.filter((i) => i.id !== id);
    res.writeHead(204);
    res.end();
  });

  platform.route("POST", scoresPath, async (req, res, url, body) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const type = contentType(req);
    const answer = (status: number, message?: string) => {
      ags.posts.push({ path: url.pathname + url.search, status, body, contentType: type });
      if (message) refuse(res, status, message);
    };
    const token = platform.bearer(req, res);
    if (!token) {
      ags.posts.push({ path: url.pathname + url.search, status: res.statusCode, body, contentType: type });
      return;
    }
    if (!allows(token.scope, SCOPE.score)) return answer(403, "scope not granted");
    if (style === "moodle" && url.searchParams.get("type_id") !== typeId) return answer(400, "No type_id");
    const lineItem = itemUrl(Number(scoresPath.exec(url.pathname)![1]));
    if (!ags.lineItems.some((i) => i.id === lineItem)) return answer(404, "no such line item");
    if (type !== MEDIA.score) return answer(400, `Content-Type must be ${MEDIA.score}`);
    const score = parse(body);
    if (!score) return answer(400, "not JSON");
    for (const field of ["userId", "activityProgress", "gradingProgress", "timestamp"])
      if (typeof score[field] !== "string" || score[field] === "") return answer(400, `missing ${field}`);
    const at = isoTime(score.timestamp as string);
    if (at === null) return answer(400, "timestamp is not ISO 8601");
    if (score.scoreGiven !== undefined && score.scoreGiven !== null) {
      if (typeof score.scoreGiven !== "number") return answer(400, "scoreGiven must be a number");
      if (typeof score.scoreMaximum !== "number") return answer(style === "moodle" ? 400 : 422, "scoreGiven requires scoreMaximum");
    }
    if (typeof score.scoreMaximum === "number" && score.scoreMaximum < 0) return answer(422, "scoreMaximum must not be negative");
    if (options.gradable && !options.gradable(score.userId as string))
      return answer(
        style === "moodle" ? 400 : 422,
        style === "moodle" ? "Incorrect score received" : "User not found in course or is not a student",
      );
    const key = `${lineItem}\n${score.userId as string}`;
    const before = stored.get(key);
    if (before) {
      if (style === "moodle" && Math.floor(at / 1000) <= Math.floor(before.at / 1000))
        return answer(409, "Refusing score with an earlier timestamp for item " + lineItem);
      if (style === "canvas" && at < before.at) return answer(400, "score timestamp not after previous timestamp");
    }
    stored.set(key, { at, body: score });
    ags.accepted.push({ lineItem, userId: score.userId as string, body: score, contentType: type });
    answer(200);
    res.writeHead(200, { "Content-Type": style === "canvas" ? MEDIA.score : "application/json" });
    res.end(JSON.stringify(style === "canvas" ? { resultUrl: `${lineItem}/results/1` } : {}));
  });

  return ags;
}

function contentType(req: IncomingMessage): string {
  return req.headers["content-type"] ?? "";
}

function parse(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** An ISO 8601 date-time with a zone (Z or ±hh:mm), as milliseconds; null if it is not one. */
function isoTime(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
