// A launch from an LMS, from the posted id_token to the page it opens: the browser's state
// cookie checked, the token verified (id-token.ts), then the person, the LMS course and the
// activity provisioned — each found or made once, whatever two first launches racing do — the
// enrolment with the role the LMS gives, a session, and the page: the linked quiz, the page
// that links an activity or an LMS course to something here, or the deep-linking page. Every
// refusal is audited (lti.launch.refused / lti.login.refused) with what the platform claimed.
import { createHash, randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { auditCreate } from "../audit";
import type { CourseRole } from "../auth/roles";
import { contextTicket } from "./context-ticket";
import { quizIdFromCustom } from "./deep-linking";
import { verifyLaunch, type VerifiedLaunch } from "./id-token";
import type { LaunchClaims } from "./launch-claims";
import {
  createDeepLinkRequest,
  createLtiUser,
  emailTaken,
  enrollmentRole,
  linkQuizOnce,
  lostRace,
  quizInCourse,
  updateUserProfile,
  upsertContext,
  upsertResourceLink,
  userOfLtiIdentity,
  writeEnrollment,
  type LaunchDb,
} from "./launch-queries";
import { LaunchRefusal } from "./launch-refusal";
import { loginOfState, stateCookieName } from "./login";
import { placeholderEmail } from "./placeholder-email";
import { createHandoff, createSession, sessionCookie } from "./lti-session";
import { courseRoleOf } from "./roles";
import { toolUrls, MESSAGE_TYPE } from "./vocabulary";

export { isPlaceholderEmail, placeholderEmail } from "./placeholder-email";

/** The name an account gets when the LMS sends none: the LMS's short id for the person. */
function fallbackName(issuer: string, sub: string): string {
  return `LMS ${createHash("sha256").update(`${issuer}\0${sub}`).digest("hex").slice(0, 8)}`;
}

/**
 * The account of the LMS's person: found by (issuer, sub), its name and email brought up to
 * date when the LMS sends them (an email only while no other account has it), or made. An LMS
 * email never signs anyone into an account made otherwise: the platform's admin could send any.
 */
export async function userForLaunch(db: LaunchDb, issuer: string, claims: Pick<LaunchClaims, "sub" | "name" | "email">, now: Date) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await userOfLtiIdentity(db, issuer, claims.sub);
    if (existing) {
      const update: { name?: string; email?: string } = {};
      if (claims.name && claims.name !== existing.name) update.name = claims.name.slice(0, 200);
      if (claims.email && claims.email !== existing.email && !(await emailTaken(db, claims.email))) update.email = claims.email;
      if (Object.keys(update).length > 0) await updateUserProfile(db, existing.id, update);
      return { ...existing, ...update };
    }
    const email = claims.email && !(await emailTaken(db, claims.email)) ? claims.email : placeholderEmail(issuer, claims.sub);
    const row = { id: randomUUID(), name: (claims.name ?? fallbackName(issuer, claims.sub)).slice(0, 200), email };
    try {
      await createLtiUser(db, { ...row, issuer, sub: claims.sub, now });
      return row;
    } catch (error) {
      // Another launch made the identity (or took the address) first: read again.
      if (!lostRace(error)) throw error;
    }
  }
  throw new Error("the LMS identity could not be created");
}

const RANK: Record<CourseRole, number> = { STUDENT: 0, TA: 1, INSTRUCTOR: 2 };

/**
 * The enrolment a launch gives: made with the LMS's role, or raised to it; never lowered (an
 * instructor here who is a student in the LMS course stays an instructor; a roster sync is
 * where an LMS's changes are reviewed). Returns the role the person has now.
 */
export async function enrollFromLaunch(db: LaunchDb, courseId: string, userId: string, role: CourseRole): Promise<CourseRole> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = (await enrollmentRole(db, courseId, userId)) as CourseRole | null;
    if (current && RANK[current] >= RANK[role]) return current;
    if (await writeEnrollment(db, courseId, userId, role, current !== null)) return role;
  }
  throw new Error("the enrolment could not be written");
}

export type LaunchOptions = {
  now: Date;
  /** The app's secret (lib/auth/secret): it signs the session cookie and the link page's ticket. */
  secret: string;
  /** The quiz an activity's custom parameters name (what a deep-linking response put there), or null; by default deep linking's own key. */
  quizFromCustom?: (custom: Record<string, unknown>) => string | null;
};

export type Provisioned = {
  userId: string;
  role: CourseRole;
  /** The LtiContext row. */
  contextId: string;
  courseId: string | null;
  /** The LtiResourceLink row, for a resource link launch. */
  linkId: string | null;
  quizId: string | null;
  /** The LtiDeepLink row, for a deep-linking request. */
  deepLinkId: string | null;
  /** Where the launch goes: a path of this app. */
  target: string;
};

/** Everything a verified launch makes or updates here, and the page it opens. */
export async function provisionLaunch(db: LaunchDb, launch: VerifiedLaunch, options: LaunchOptions): Promise<Provisioned> {
  const { platform, claims } = launch;
  const { now } = options;
  const lmsRole = courseRoleOf(claims.roles);
  if (claims.messageType === MESSAGE_TYPE.deepLinkingRequest && lmsRole !== "INSTRUCTOR") throw new LaunchRefusal("notInstructor");
  if (!claims.context) throw new LaunchRefusal("noContext");
  const user = await userForLaunch(db, launch.issuer, claims, now);
  const context = await upsertContext(db, platform.id, claims.context.id, {
    title: claims.context.title?.slice(0, 300) ?? null,
    label: claims.context.label?.slice(0, 100) ?? null,
    ...(claims.nrps ? { membershipsUrl: claims.nrps.context_memberships_url } : {}),
    ...(claims.ags ? { lineItemsUrl: claims.ags.lineitems ?? null, agsScopes: JSON.stringify(claims.ags.scope) } : {}),
  });
  const courseId = context.courseId;
  const role = courseId ? await enrollFromLaunch(db, courseId, user.id, lmsRole) : lmsRole;
  const result = { userId: user.id, role, contextId: context.id, courseId, linkId: null, quizId: null, deepLinkId: null };
  const linkPage = (next?: string) => {
    const query = new URLSearchParams({ ticket: contextTicket(options.secret, context.id, user.id, now) });
    if (next) query.set("next", next);
    return `/lti/contexts/${context.id}?${query}`;
  };

  if (claims.messageType === MESSAGE_TYPE.deepLinkingRequest) {
    const deepLinkId = await createDeepLinkRequest(db, {
      platformId: platform.id,
      deploymentId: claims.deploymentId,
      contextId: context.id,
      userId: user.id,
      settings: JSON.stringify(claims.deepLinkingSettings),
      now,
      expiresAt: new Date(now.getTime() + 60 * 60 * 1000),
    });
    const page = `/lti/deep-link/${deepLinkId}`;
    return { ...result, deepLinkId, target: courseId ? page : linkPage(page) };
  }

  const resourceLink = claims.resourceLink!;
  const link = await upsertResourceLink(db, {
    platformId: platform.id,
    contextId: context.id,
    resourceLinkId: resourceLink.id,
    deploymentId: claims.deploymentId,
    title: resourceLink.title?.slice(0, 300) ?? null,
    lineItemUrl: claims.ags?.lineitem,
  });
  if (!courseId) return { ...result, linkId: link.id, target: linkPage(`/lti/links/${link.id}`) };
  let quizId = link.quizId;
  const named = quizId ? null : (options.quizFromCustom ?? quizIdFromCustom)(claims.custom);
  if (named && (await quizInCourse(db, named, courseId))) quizId = await linkQuizOnce(db, link.id, named);
  if (!quizId) return { ...result, linkId: link.id, target: `/lti/links/${link.id}` };
  const quizPage = `/courses/${courseId}/quizzes/${quizId}`;
  return { ...result, linkId: link.id, quizId, target: role === "STUDENT" ? `${quizPage}/start` : quizPage };
}

export type LaunchPost = {
  idToken: string | null;
  state: string | null;
  /** The Cookie header the browser sent with the post. */
  cookieHeader: string | null;
};

export type LaunchResult =
  | { ok: true; provisioned: Provisioned; setCookies: string[]; redirect: string }
  | { ok: false; refusal: LaunchRefusal; retryLogin: string | null };

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The Set-Cookie that binds a login's state to the browser, or (maxAgeSec 0) clears it. */
export function stateCookie(state: string, maxAgeSec: number): string {
  const value = maxAgeSec > 0 ? encodeURIComponent(state) : "";
  // SameSite=None: the launch is a cross-site form post from the platform, into the LMS's frame.
  return `${stateCookieName(state)}=${value}; Path=/api/lti/; Max-Age=${maxAgeSec}; HttpOnly; Secure; SameSite=None; Partitioned`;
}

/** The login to start again in a window of its own, when the frame's browser refused the state cookie. */
async function retryLoginUrl(db: LaunchDb, state: string, toolOrigin: string, now: Date): Promise<string | null> {
  const params = loginOfState(state);
  const login = params ? await db.ltiLogin.findUnique({ where: { state }, select: { usedAt: true, expiresAt: true } }) : null;
  if (!params || !login || login.usedAt || login.expiresAt <= now) return null;
  return `${toolUrls(toolOrigin).login}?${new URLSearchParams(params as Record<string, string>)}`;
}

/** What the platform claimed in a token that was refused, for the audit log (unverified). */
function claimed(idToken: string | null): Record<string, string> {
  try {
    const p = decodeJwt(idToken ?? "") as Record<string, unknown>;
    const aud = Array.isArray(p.aud) ? p.aud.join(" ") : p.aud;
    const deployment = p["https://purl.imsglobal.org/spec/lti/claim/deployment_id"];
    return Object.fromEntries(
      Object.entries({ iss: p.iss, clientId: aud, deploymentId: deployment, sub: p.sub }).filter(([, v]) => typeof v === "string"),
    ) as Record<string, string>;
  } catch {
    return {};
  }
}

export async function auditRefusal(
  db: LaunchDb,
  action: "lti.launch.refused" | "lti.login.refused",
  refusal: LaunchRefusal,
  detail: object,
) {
  await auditCreate(db, {
    action,
    target: refusal.code,
    detail: { reason: refusal.code, ...refusal.facts, ...detail },
  });
}

/**
 * The launch `post` asks for, signed in: the cookies to set (the session's; the state's,
 * cleared) and the page to go to (the cookie check page, which goes on to `target`); or the
 * refusal, audited, with the login to retry in a new window when the frame refused cookies.
 */
export async function acceptLaunch(
  db: LaunchDb,
  post: LaunchPost,
  options: LaunchOptions & {
    toolOrigin: string;
    https: boolean;
    fetch?: typeof fetch;
    ipAddress?: string | null;
    userAgent?: string | null;
  },
): Promise<LaunchResult> {
  const { now } = options;
  let retryLogin: string | null = null;
  try {
    if (!post.idToken) throw new LaunchRefusal("malformed");
    if (!post.state || post.state.length > 8000) throw new LaunchRefusal("stateUnknown");
    if (cookieValue(post.cookieHeader, stateCookieName(post.state)) !== post.state) {
      retryLogin = await retryLoginUrl(db, post.state, options.toolOrigin, now);
      throw new LaunchRefusal("stateMissing");
    }
    const launch = await verifyLaunch(db, post.idToken, post.state, { toolOrigin: options.toolOrigin, now, fetch: options.fetch });
    const provisioned = await provisionLaunch(db, launch, options);
    const token = await createSession(db, provisioned.userId, { now, ipAddress: options.ipAddress, userAgent: options.userAgent });
    const handoff = await createHandoff(db, provisioned.userId, provisioned.target, now);
    return {
      ok: true,
      provisioned,
      setCookies: [sessionCookie(token, options.secret, { framed: true, https: options.https }), stateCookie(post.state, 0)],
      redirect: `/lti/open?${new URLSearchParams({ handoff })}`,
    };
  } catch (error) {
    if (!(error instanceof LaunchRefusal)) throw error;
    await auditRefusal(db, "lti.launch.refused", error, claimed(post.idToken));
    return { ok: false, refusal: error, retryLogin };
  }
}
