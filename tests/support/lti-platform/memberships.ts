// The mock platform's Names and Role Provisioning service (NRPS 2.0): a context membership
// container served in pages, as LMSs do. Canvas style: `?page=N&per_page=M`, at most 50 a page
// whatever is asked (Canvas's MAX_PAGE_SIZE), with current/next/first/last links; Moodle style:
// its own `?limit=&from=` in the next link. It checks the bearer token and its scope and the
// Accept header like a platform does, and the members can change between calls.
import { MEDIA_TYPE, SCOPE } from "../../../lib/lti/vocabulary";
import { sendJson, type MockPlatform } from "./index";

/** A member as the platform sends it (NRPS 2.0 §2.2). */
export interface MemberRecord {
  user_id: string;
  roles: string[];
  status?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  lis_person_sourcedid?: string;
}

export interface MembershipsOptions {
  members: MemberRecord[];
  /** Members a page when the tool asks for no page size; capped at 50 for Canvas. */
  pageSize?: number;
  style?: "canvas" | "moodle";
  path?: string;
  context?: { id: string; label?: string; title?: string };
  /** A broken platform: a next link that points at the same page again, or a page that is not JSON. */
  misbehave?: "loop" | "notJson" | null;
}

export interface Memberships {
  /** The context_memberships_url a launch would give. */
  url: string;
  setMembers(members: MemberRecord[]): void;
  setMisbehave(mode: MembershipsOptions["misbehave"]): void;
  /** The pages served, as requested (path with query). */
  pagesServed: string[];
}

const CANVAS_MAX_PAGE_SIZE = 50;

export function installMemberships(platform: MockPlatform, options: MembershipsOptions): Memberships {
  const path = options.path ?? "/memberships";
  const style = options.style ?? "canvas";
  let members = options.members;
  let misbehave = options.misbehave ?? null;
  const context = options.context ?? { id: "ctx-1", label: "NET 101", title: "Networks" };
  const url = `${platform.origin}${path}`;
  const controller: Memberships = {
    url,
    setMembers(next) {
      members = next;
    },
    setMisbehave(mode) {
      misbehave = mode ?? null;
    },
    pagesServed: [],
  };

  platform.route("GET", path, (req, res, requestUrl) => {
    const granted = platform.bearer(req, res);
    if (!granted) return;
    if (!granted.scope.split(" ").includes(SCOPE.memberships))
      return sendJson(res, 403, { error: "insufficient_scope", scope: granted.scope });
    if (!(req.headers.accept ?? "").includes(MEDIA_TYPE.memberships)) return sendJson(res, 406, { error: "not_acceptable" });
    controller.pagesServed.push(requestUrl.pathname + requestUrl.search);
    if (misbehave === "notJson") {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html>Maintenance</html>");
      return;
    }

    const asked = Number(requestUrl.searchParams.get(style === "canvas" ? "per_page" : "limit")) || options.pageSize || members.length || 1;
    const size = style === "canvas" ? Math.min(asked, CANVAS_MAX_PAGE_SIZE) : asked;
    const from =
      style === "canvas"
        ? (Math.max(1, Number(requestUrl.searchParams.get("page")) || 1) - 1) * size
        : Number(requestUrl.searchParams.get("from")) || 0;
    const page = members.slice(from, from + size);
    const more = from + size < members.length;

    const links: string[] = [];
    if (style === "canvas") {
      const pageUrl = (n: number) => `${url}?page=${n}&per_page=${size}`;
      const current = from / size + 1;
      const last = Math.max(1, Math.ceil(members.length / size));
      links.push(`<${pageUrl(current)}>; rel="current"`);
      if (misbehave === "loop") links.push(`<${pageUrl(current)}>; rel="next"`);
      else if (more) links.push(`<${pageUrl(current + 1)}>; rel="next"`);
      links.push(`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(last)}>; rel="last"`);
    } else if (misbehave === "loop") links.push(`<${url}?limit=${size}&from=${from}>; rel="next"`);
    else if (more) links.push(`<${url}?limit=${size}&from=${from + size}>; rel="next"`);

    sendJson(
      res,
      200,
      { id: requestUrl.toString(), context, members: page },
      {
        "Content-Type": MEDIA_TYPE.memberships,
        ...(links.length ? { Link: links.join(", ") } : {}),
      },
    );
  });
  return controller;
}
