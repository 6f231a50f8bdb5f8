// The roster sync with the LMS on a real SQLite file and a real PostgreSQL database, against
// the mock platform's membership service: every page is read by its Link headers (120 members
// in Canvas's pages of 50; Moodle's own limit/from links), the preview is what the apply writes
// (new accounts with their LMS identity, raised roles, names, SIS ids, people marked as having
// left, an audit entry), a second sync changes nothing, a course changed since the preview is
// planned again without writing, and an LMS that is down or answers nonsense writes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchMemberships, MAX_PAGE_BYTES, MembershipsError } from "@/lib/lti/nrps";
import { syncChangeCount } from "@/lib/lti/roster-sync-plan";
import { applyRosterSync, previewRosterSync } from "@/lib/lti/roster-sync";
import { clearServiceTokens } from "@/lib/lti/service-token";
import { publishedJwks } from "@/lib/lti/tool-keys";
import { SCOPE } from "@/lib/lti/vocabulary";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import { installMemberships, type MemberRecord, type Memberships } from "../support/lti-platform/memberships";
import { DATABASES, type TestDatabase } from "./databases";

const LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
const INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
const now = new Date("2026-03-10T12:00:00Z");

/** 120 learners u001…u120, then the people the course already has. */
function roster(): MemberRecord[] {
  const members: MemberRecord[] = Array.from({ length: 120 }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return { user_id: `u${n}`, roles: [LEARNER], name: `Student ${n}`, email: `s${n}@uni.test`, lis_person_sourcedid: `SIS${n}` };
  });
  members[0] = { user_id: "u001", roles: [LEARNER], name: "Ada Lovelace", email: "ada@uni.test", lis_person_sourcedid: "SIS001" };
  members.push(
    { user_id: "t-1", roles: [INSTRUCTOR], name: "Tess Teacher" },
    { user_id: "ta-1", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"] },
    { user_id: "in-1", roles: [LEARNER], status: "Inactive", name: "Ivy Inactive" },
    { user_id: "no-mail", roles: [LEARNER], given_name: "Nameless", family_name: "Person" },
  );
  return members;
}

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let platform: MockPlatform;
  let canvas: Memberships;
  const courseId = "rs-course";

  const counts = async () => ({
    users: await t.db.user.count(),
    enrolments: await t.db.enrollment.count(),
    identities: await t.db.ltiUser.count(),
    audit: await t.db.auditLog.count(),
  });
  const enrolmentOf = (userId: string) =>
    t.db.enrollment.findFirst({ where: { courseId, userId }, select: { role: true, sisUserId: true, lmsStatus: true, lmsLeftAt: true } });

  beforeAll(async () => {
    t = await open();
    clearServiceTokens();
    platform = await startMockPlatform({ toolJwks: () => publishedJwks(t.db) });
    canvas = installMemberships(platform, { members: roster(), style: "canvas", pageSize: 50 });
    const row = await t.db.ltiPlatform.create({
      data: {
        name: "Canvas (mock)",
        product: "canvas",
        issuer: platform.issuer,
        clientId: platform.clientId,
        authUrl: platform.urls.auth,
        tokenUrl: platform.urls.token,
        jwksUrl: platform.urls.jwks,
      },
    });
    for (const [id, name, email] of [
      ["teacher", "Tess Teacher", "teacher@uni.test"],
      ["ada", "Ada", "ada@uni.test"],
      ["tara", "Tara Assistant", "tara@uni.test"],
      ["ivy", "Ivy Inactive", "ivy@uni.test"],
      ["gone", "Gus Gone", "gone@uni.test"],
      ["byhand", "Hana Byhand", "byhand@uni.test"],
    ])
      await t.db.user.create({ data: { id, name, email, canTeach: id === "teacher" } });
    await t.db.course.create({ data: { id: courseId, code: "RS 1", title: "Sync", joinCode: "RSCODE01", createdById: "teacher" } });
    await t.db.enrollment.createMany({
      data: [
        { courseId, userId: "teacher", role: "INSTRUCTOR" },
        { courseId, userId: "ada", role: "STUDENT", lmsStatus: "Active" },
        { courseId, userId: "tara", role: "STUDENT" },
        { courseId, userId: "ivy", role: "STUDENT", lmsStatus: "Active" },
        { courseId, userId: "gone", role: "STUDENT", lmsStatus: "Active" },
        { courseId, userId: "byhand", role: "STUDENT" },
      ],
    });
    await t.db.ltiUser.createMany({
      data: [
        { issuer: platform.issuer, sub: "t-1", userId: "teacher" },
        { issuer: platform.issuer, sub: "u001", userId: "ada" },
        { issuer: platform.issuer, sub: "ta-1", userId: "tara" },
        { issuer: platform.issuer, sub: "in-1", userId: "ivy" },
        { issuer: platform.issuer, sub: "g-1", userId: "gone" },
      ],
    });
    await t.db.ltiContext.create({
      data: { platformId: row.id, contextId: "ctx-1", courseId, title: "Networks", label: "NET 101", membershipsUrl: canvas.url },
    });
  });
  afterAll(async () => {
    await platform?.close();
    await t?.drop();
  });
  beforeEach(() => {
    canvas.pagesServed.length = 0;
    canvas.setMembers(roster());
    canvas.setMisbehave(null);
    platform.setDown(null);
  });

  it("reads every page by its next link: 124 members in pages of 50, with a token for the membership scope", async () => {
    const preview = await previewRosterSync(t.db, courseId);
    expect(canvas.pagesServed).toEqual(["/memberships", "/memberships?page=2&per_page=50", "/memberships?page=3&per_page=50"]);
    expect(preview.sources).toEqual([{ title: "Networks", label: "NET 101", pages: 3 }]);
    expect(preview.plan.listed).toBe(124);
    expect(platform.tokensIssued.at(-1)?.scope).toBe(SCOPE.memberships);
    // Everyone on the last page is planned too.
    expect(preview.plan.add.map((a) => a.sub)).toContain("u120");
  });

  it("a course changed since the preview is planned again and nothing is written", async () => {
    const { digest } = await previewRosterSync(t.db, courseId);
    const before = await counts();
    await t.db.enrollment.updateMany({ where: { courseId, userId: "byhand" }, data: { lmsStatus: "Active" } });
    const outcome = await applyRosterSync(t.db, courseId, "teacher", digest, { now });
    expect(outcome.applied).toBe(false);
    expect(outcome.preview.digest).not.toBe(digest);
    expect(outcome.preview.plan.left.map((l) => l.userId)).toContain("byhand");
    expect(await counts()).toEqual(before);
    await t.db.enrollment.updateMany({ where: { courseId, userId: "byhand" }, data: { lmsStatus: null } });
  });

  it("an LMS that is down, or answers something that is not a membership list, is a clear error and nothing is written", async () => {
    const before = await counts();
    platform.setDown(503);
    const down = await applyRosterSync(t.db, courseId, "teacher", null, { now }).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(MembershipsError);
    expect((down as MembershipsError).text.key).toBe("ltiRoster.error.unavailable");
    expect((down as MembershipsError).retryable).toBe(true);
    platform.setDown(null);

    canvas.setMisbehave("notJson");
    const junk = await previewRosterSync(t.db, courseId).catch((e: unknown) => e);
    expect((junk as MembershipsError).text.key).toBe("ltiRoster.error.malformed");

    canvas.setMisbehave("loop");
    canvas.pagesServed.length = 0;
    const loop = await applyRosterSync(t.db, courseId, "teacher", null, { now }).catch((e: unknown) => e);
    expect((loop as MembershipsError).text.key).toBe("ltiRoster.error.malformed");
    // The first page, then page 1 by its own address, whose next names it again: not fetched a third time.
    expect(canvas.pagesServed).toEqual(["/memberships", "/memberships?page=1&per_page=50"]);
    expect(await counts()).toEqual(before);
  });

  it("applies what the preview showed: added, updated and left, then a second sync changes nothing", async () => {
    const preview = await previewRosterSync(t.db, courseId);
    const { plan } = preview;
    expect(plan.add).toHaveLength(120); // u002…u120 and the member without an address
    expect(plan.update.map((u) => [u.userId, u.changes])).toEqual([
      [
        "ada",
        [
          { field: "name", from: "Ada", to: "Ada Lovelace" },
          { field: "sisUserId", from: null, to: "SIS001" },
        ],
      ],
      ["tara", [{ field: "role", from: "STUDENT", to: "TA" }]],
    ]);
    expect(plan.left.map((l) => [l.userId, l.status, l.missing])).toEqual([
      ["ivy", "Inactive", false],
      ["gone", "Deleted", true],
    ]);
    const before = await counts();

    const outcome = await applyRosterSync(t.db, courseId, "teacher", preview.digest, { now });
    expect(outcome.applied).toBe(true);
    const after = await counts();
    expect(after.users - before.users).toBe(120);
    expect(after.enrolments - before.enrolments).toBe(120);
    expect(after.identities - before.identities).toBe(120);
    expect(after.audit - before.audit).toBe(1);

    const u120 = await t.db.ltiUser.findUnique({
      where: { issuer_sub: { issuer: platform.issuer, sub: "u120" } },
      include: { user: true },
    });
    expect(u120?.user).toMatchObject({ email: "s120@uni.test", name: "Student 120", invited: true });
    expect(await enrolmentOf(u120!.userId)).toMatchObject({ role: "STUDENT", sisUserId: "SIS120", lmsStatus: "Active", lmsLeftAt: null });
    const nameless = await t.db.ltiUser.findUnique({
      where: { issuer_sub: { issuer: platform.issuer, sub: "no-mail" } },
      include: { user: true },
    });
    expect(nameless?.user.name).toBe("Nameless Person");
    expect(nameless?.user.email).toMatch(/@lms\.invalid$/);
    expect((await t.db.user.findUnique({ where: { id: "ada" } }))?.name).toBe("Ada Lovelace");
    expect(await enrolmentOf("ada")).toMatchObject({ sisUserId: "SIS001", lmsStatus: "Active" });
    expect(await enrolmentOf("tara")).toMatchObject({ role: "TA" });
    expect(await enrolmentOf("ivy")).toMatchObject({ role: "STUDENT", lmsStatus: "Inactive", lmsLeftAt: now });
    expect(await enrolmentOf("gone")).toMatchObject({ lmsStatus: "Deleted", lmsLeftAt: now });
    expect(await enrolmentOf("byhand")).toMatchObject({ lmsStatus: null, lmsLeftAt: null });
    expect(await enrolmentOf("teacher")).toMatchObject({ role: "INSTRUCTOR", lmsStatus: "Active" });
    const audit = await t.db.auditLog.findFirst({ where: { courseId, action: "roster.sync" } });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ listed: 124, added: 120, updated: 2, left: 2, digest: preview.digest });

    const again = await previewRosterSync(t.db, courseId);
    expect(syncChangeCount(again.plan)).toBe(0);
    expect(again.plan.unchanged).toBe(124);
    const second = await applyRosterSync(t.db, courseId, "teacher", again.digest, { now: new Date(now.getTime() + 60_000) });
    expect(second.applied).toBe(true);
    const unchanged = await counts();
    expect({ ...unchanged, audit: 0 }).toEqual({ ...after, audit: 0 });
    expect(await enrolmentOf("gone")).toMatchObject({ lmsLeftAt: now }); // when they were first found gone
  });

  it("says why an LMS's membership answer cannot be used, and never sends the token to another origin", async () => {
    const row = (await t.db.ltiPlatform.findFirst({ where: { issuer: platform.issuer } }))!;
    const url = `${platform.origin}/crafted`;
    // The token endpoint is the mock's; the pages are whatever each case answers.
    const served: string[] = [];
    const withPages =
      (answer: (url: string) => Response): typeof fetch =>
      (input, init) => {
        const target = String(input);
        if (target === platform.urls.token) return fetch(input, init);
        served.push(target);
        return Promise.resolve(answer(target));
      };
    const page = (members: unknown[], link?: string) =>
      new Response(JSON.stringify({ id: url, members }), { status: 200, headers: link ? { Link: link } : {} });
    const failure = (answer: (url: string) => Response, maxPages?: number) =>
      fetchMemberships(t.db, row, url, { fetch: withPages(answer), maxPages }).then(
        () => {
          throw new Error("the read succeeded");
        },
        (e: unknown) => e as MembershipsError,
      );

    expect((await failure(() => new Response("no", { status: 403 }))).text.key).toBe("ltiRoster.error.forbidden");
    expect((await failure(() => new Response("gone", { status: 404 }))).text.key).toBe("ltiRoster.error.notFound");
    expect((await failure(() => page([{ roles: [] }]))).text).toEqual({ key: "ltiRoster.error.badMember", values: { page: 1, index: 1 } });
    expect((await failure(() => page([{ user_id: "a", status: "Suspended" }]))).text.key).toBe("ltiRoster.error.badMember");
    expect((await failure(() => new Response("x".repeat(MAX_PAGE_BYTES + 1)))).text.key).toBe("ltiRoster.error.tooLarge");

    served.length = 0;
    const elsewhere = await failure(() => page([{ user_id: "a" }], '<https://attacker.test/next>; rel="next"'));
    expect(elsewhere.text.key).toBe("ltiRoster.error.malformed");
    expect(served).toEqual([url]);

    let n = 0;
    const endless = await failure(() => page([{ user_id: `m${n}` }], `<${url}?p=${++n}>; rel="next"`), 5);
    expect(endless.text).toEqual({ key: "ltiRoster.error.tooManyPages", values: { pages: 5 } });

    // What a lenient reading accepts: a numeric id, statuses in any case, names given in parts, an address kept only when it is one.
    const { members } = await fetchMemberships(t.db, row, url, {
      fetch: withPages(() =>
        page([
          { user_id: 42, status: "inactive", given_name: "Ada", family_name: "King", email: "not an address" },
          { user_id: "b", roles: ["Learner"], name: " Ben ", email: "Ben@Uni.TEST", lis_person_sourcedid: "S9" },
        ]),
      ),
    });
    expect(members).toEqual([
      { userId: "42", roles: [], status: "Inactive", name: "Ada King", email: null, sourcedId: null },
      { userId: "b", roles: ["Learner"], status: "Active", name: "Ben", email: "ben@uni.test", sourcedId: "S9" },
    ]);
  });

  it("follows Moodle's own next links (limit and from) and brings back someone listed again", async () => {
    const moodle = installMemberships(platform, {
      members: roster().slice(0, 7),
      style: "moodle",
      pageSize: 3,
      path: "/moodle/memberships",
    });
    moodle.setMembers([...roster().slice(0, 6), { user_id: "g-1", roles: [LEARNER], name: "Gus Gone" }]);
    await t.db.ltiContext.updateMany({ where: { courseId }, data: { membershipsUrl: moodle.url } });
    const preview = await previewRosterSync(t.db, courseId);
    expect(moodle.pagesServed).toEqual(["/moodle/memberships", "/moodle/memberships?limit=3&from=3", "/moodle/memberships?limit=3&from=6"]);
    expect(preview.plan.update.find((u) => u.userId === "gone")?.changes).toEqual([{ field: "lmsStatus", from: "Deleted", to: "Active" }]);
    await t.db.ltiContext.updateMany({ where: { courseId }, data: { membershipsUrl: canvas.url } });
  });
});
