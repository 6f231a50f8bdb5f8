// Names and Role Provisioning Services 2.0: the LMS course's membership list, read with a
// service token (scope contextmembership.readonly). The list comes in pages; the next page's
// URL is in the `Link: <…>; rel="next"` header and is followed as sent, since each platform
// pages its own way (Canvas caps a page at 50 members; Moodle's links carry its own limit and
// from parameters). A tool that reads only the first page loses everyone after it.
import { z } from "zod";
import type { Db } from "../db/client";
import { msg, type Msg } from "../i18n/msg";
import { linkWithRel } from "./link-header";
import type { PlatformRow } from "./platform-queries";
import { LtiServiceError, serviceToken, type Fetch } from "./service-token";
import { MEDIA_TYPE, SCOPE } from "./vocabulary";

/** More pages than this is a platform paging in circles, not a course. */
export const MAX_PAGES = 200;
/** A page larger than this is refused (a Moodle page without a limit holds the whole course: ~500 bytes a member). */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

const STATUS = { active: "Active", inactive: "Inactive", deleted: "Deleted" } as const;
export type MemberStatus = (typeof STATUS)[keyof typeof STATUS];

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => (v && v.trim() ? v.trim() : null));

const MemberSchema = z.object({
  user_id: z.union([z.string().trim().min(1).max(255), z.number().int().transform(String)]),
  roles: z.array(z.string().max(512)).max(100).default([]),
  // Platforms differ in case; anything else is not a membership status.
  status: z
    .string()
    .max(20)
    .default("Active")
    .transform((s, ctx) => {
      const status = STATUS[s.toLowerCase() as keyof typeof STATUS];
      if (!status) ctx.addIssue({ code: "custom", message: `unknown status ${s}` });
      return status ?? "Active";
    }),
  name: optionalText(255),
  given_name: optionalText(255),
  family_name: optionalText(255),
  email: optionalText(320),
  lis_person_sourcedid: optionalText(255),
});

const PageSchema = z.object({
  id: z.string().max(2048).optional(),
  context: z
    .object({ id: z.union([z.string(), z.number()]).optional() })
    .passthrough()
    .optional(),
  members: z.array(z.unknown()).max(20_000),
});

/** A member of the LMS course, as the sync needs them. */
export interface LmsMember {
  userId: string;
  roles: string[];
  status: MemberStatus;
  /** The full name, or the given and family names together; null when the platform gives none. */
  name: string | null;
  email: string | null;
  /** The person's SIS id (lis_person_sourcedid). */
  sourcedId: string | null;
}

/** The membership service failed: `text` says why to an instructor, in their language. */
export class MembershipsError extends LtiServiceError {
  constructor(
    readonly text: Msg,
    detail: string,
    status: number,
    retryable: boolean,
  ) {
    super(detail, status, retryable);
    this.name = "MembershipsError";
  }
}

function memberOf(raw: z.infer<typeof MemberSchema>): LmsMember {
  const name = raw.name ?? ([raw.given_name, raw.family_name].filter(Boolean).join(" ") || null);
  // An address is only used as one: the sync makes accounts with it.
  const email = raw.email && /^[^\s@]+@[^\s@]+$/.test(raw.email) ? raw.email.toLowerCase() : null;
  return { userId: raw.user_id, roles: raw.roles, status: raw.status, name, email, sourcedId: raw.lis_person_sourcedid };
}

/** The body, read up to MAX_PAGE_BYTES. */
async function boundedText(response: Response): Promise<string | null> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > MAX_PAGE_BYTES) return null;
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_PAGE_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function refusal(status: number, body: string): MembershipsError {
  const detail = `the membership service answered ${status}: ${body.slice(0, 300)}`;
  if (status === 401 || status === 403) return new MembershipsError(msg("ltiRoster.error.forbidden"), detail, status, false);
  if (status === 404) return new MembershipsError(msg("ltiRoster.error.notFound"), detail, status, false);
  if (status === 429 || status >= 500) return new MembershipsError(msg("ltiRoster.error.unavailable"), detail, status, true);
  return new MembershipsError(msg("ltiRoster.error.refused", { status }), detail, status, false);
}

/** The service token, its failures said in the membership service's words. */
async function tokenFor(db: Pick<Db, "ltiKey">, platform: PlatformRow, fetchImpl?: Fetch): Promise<string> {
  try {
    return await serviceToken(db, platform, [SCOPE.memberships], { fetch: fetchImpl });
  } catch (error) {
    if (!(error instanceof LtiServiceError)) throw error;
    const text =
      error.status === 0 || error.retryable
        ? msg("ltiRoster.error.unavailable")
        : error.status === 400 && /scope/i.test(error.message)
          ? msg("ltiRoster.error.forbidden")
          : msg("ltiRoster.error.credentials");
    throw new MembershipsError(text, error.message, error.status, error.retryable);
  }
}

/**
 * Every member of the LMS course at `membershipsUrl`, every page followed. Throws a
 * MembershipsError when the platform refuses, cannot be reached, or answers something that is
 * not a membership list.
 */
export async function fetchMemberships(
  db: Pick<Db, "ltiKey">,
  platform: PlatformRow,
  membershipsUrl: string,
  options: { fetch?: Fetch; maxPages?: number } = {},
): Promise<{ members: LmsMember[]; pages: number }> {
  const fetchImpl = options.fetch ?? fetch;
  const maxPages = options.maxPages ?? MAX_PAGES;
  const origin = new URL(membershipsUrl).origin;
  const token = await tokenFor(db, platform, options.fetch);
  const members: LmsMember[] = [];
  const seen = new Set<string>();
  let url: string | null = membershipsUrl;
  let pages = 0;
  while (url) {
    if (pages >= maxPages)
      throw new MembershipsError(msg("ltiRoster.error.tooManyPages", { pages: maxPages }), `more than ${maxPages} pages`, 200, false);
    // The bearer token goes only where the first page was: a next link elsewhere is not followed.
    if (new URL(url).origin !== origin)
      throw new MembershipsError(msg("ltiRoster.error.malformed"), `a next page on another origin: ${url}`, 200, false);
    if (seen.has(url)) throw new MembershipsError(msg("ltiRoster.error.malformed"), `the next page repeats ${url}`, 200, false);
    seen.add(url);
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers: { Accept: MEDIA_TYPE.memberships, Authorization: `Bearer ${token}` },
        redirect: "error",
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new MembershipsError(
        msg("ltiRoster.error.unavailable"),
        `the membership service could not be reached (${(error as Error).message})`,
        0,
        true,
      );
    }
    const text = await boundedText(response);
    if (text === null)
      throw new MembershipsError(msg("ltiRoster.error.tooLarge"), `a page over ${MAX_PAGE_BYTES} bytes`, response.status, false);
    if (!response.ok) throw refusal(response.status, text);
    let page: z.infer<typeof PageSchema>;
    try {
      page = PageSchema.parse(JSON.parse(text));
    } catch {
      throw new MembershipsError(
        msg("ltiRoster.error.malformed"),
        `page ${pages + 1} is not a membership container: ${text.slice(0, 300)}`,
        200,
        false,
      );
    }
    for (const [index, raw] of page.members.entries()) {
      const parsed = MemberSchema.safeParse(raw);
      if (!parsed.success)
        throw new MembershipsError(
          msg("ltiRoster.error.badMember", { page: pages + 1, index: index + 1 }),
          `page ${pages + 1}, member ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
          200,
          false,
        );
      members.push(memberOf(parsed.data));
    }
    pages++;
    url = linkWithRel(response.headers.get("link"), "next", url);
  }
  return { members, pages };
}
