// The roster sync's plan: who an LMS member is here (their linked LMS identity, else an account
// with their address only when linking it is safe), what changes (enrolments, raised roles,
// names, SIS ids, the status of people who left) and what never does (lowered roles, the
// creator's role, people enrolled by hand, anything deleted).
import { describe, expect, it } from "vitest";
import {
  planRosterSync,
  syncChangeCount,
  type ListedMember,
  type SyncAccount,
  type SyncEnrolment,
  type SyncState,
} from "@/lib/lti/roster-sync-plan";
import { placeholderEmail } from "@/lib/lti/placeholder-email";

const ISS = "https://canvas.test";
const M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

function member(userId: string, more: Partial<ListedMember> = {}): ListedMember {
  return { issuer: ISS, userId, roles: [`${M}Learner`], status: "Active", name: null, email: null, sourcedId: null, ...more };
}
function account(userId: string, more: Partial<SyncAccount> = {}): SyncAccount {
  return {
    userId,
    email: `${userId}@uni.test`,
    name: userId,
    emailProven: true,
    privileged: false,
    hasPassword: false,
    identities: [],
    ...more,
  };
}
function enrolment(userId: string, more: Partial<SyncEnrolment> = {}): SyncEnrolment {
  return { enrollmentId: `e-${userId}`, userId, role: "STUDENT", sisUserId: null, lmsStatus: "Active", ...more };
}
const linked = (sub: string, issuer = ISS) => ({ identities: [{ issuer, sub }] });

function state(more: Partial<SyncState>): SyncState {
  return {
    issuers: [ISS],
    members: [],
    accounts: [account("creator", { privileged: true })],
    enrolments: [enrolment("creator", { role: "INSTRUCTOR", lmsStatus: null })],
    creatorId: "creator",
    ...more,
  };
}

describe("planRosterSync", () => {
  it("adds new members with new accounts and the role their LMS roles give, and nothing else", () => {
    const plan = planRosterSync(
      state({
        members: [
          member("u1", { name: "Ada Lovelace", email: "ada@uni.test", sourcedId: "S1" }),
          member("u2", { roles: ["TeachingAssistant"] }),
        ],
      }),
    );
    expect(plan.add).toEqual([
      { issuer: ISS, sub: "u1", userId: null, email: "ada@uni.test", name: "Ada Lovelace", role: "STUDENT", sisUserId: "S1", link: true },
      { issuer: ISS, sub: "u2", userId: null, email: null, name: "u2", role: "TA", sisUserId: null, link: true },
    ]);
    expect(plan.update).toEqual([]);
    expect(plan.left).toEqual([]);
    expect(syncChangeCount(plan)).toBe(2);
  });

  it("matches by the linked LMS identity first, whatever address the LMS now gives", () => {
    const plan = planRosterSync(
      state({
        members: [member("u1", { email: "new-address@uni.test", name: "Ada" })],
        accounts: [account("ada", { name: "Ada", ...linked("u1") }), account("other", { email: "new-address@uni.test" })],
        enrolments: [enrolment("ada")],
      }),
    );
    expect(plan.add).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });

  it("links an account with the member's address only when it proved it, cannot teach and has no other identity on that LMS", () => {
    const plan = planRosterSync(
      state({
        members: [
          member("u1", { email: "ok@uni.test" }),
          member("u2", { email: "teacher@uni.test" }),
          member("u3", { email: "unproven@uni.test" }),
          member("u4", { email: "taken@uni.test" }),
          member("u5", { email: "enrolled@uni.test", name: "Enrolled Person" }),
        ],
        accounts: [
          account("ok", { email: "ok@uni.test" }),
          account("teacher", { email: "teacher@uni.test", privileged: true }),
          account("unproven", { email: "unproven@uni.test", emailProven: false }),
          account("taken", { email: "taken@uni.test", ...linked("u9") }),
          account("enrolled", { email: "enrolled@uni.test", name: "Enrolled Person" }),
        ],
        enrolments: [enrolment("enrolled", { lmsStatus: null })],
      }),
    );
    expect(plan.add.map((a) => [a.sub, a.userId, a.link])).toEqual([["u1", "ok", true]]);
    expect(plan.heldBack.map((h) => [h.sub, h.reason])).toEqual([
      ["u2", "privileged"],
      ["u3", "unproven"],
      ["u4", "otherIdentity"],
    ]);
    expect(plan.update).toEqual([
      expect.objectContaining({
        userId: "enrolled",
        changes: [{ field: "link", from: null, to: "u5" }],
        identity: { issuer: ISS, sub: "u5" },
      }),
    ]);
    expect(plan.track).toEqual(["e-enrolled"]);
  });

  it("never gives one address to two members", () => {
    const plan = planRosterSync(state({ members: [member("u1", { email: "same@uni.test" }), member("u2", { email: "same@uni.test" })] }));
    expect(plan.add.map((a) => a.sub)).toEqual(["u1"]);
    expect(plan.heldBack).toEqual([{ sub: "u2", name: null, email: "same@uni.test", reason: "duplicate" }]);
  });

  it("raises roles, keeps lower LMS roles and never changes the creator's", () => {
    const plan = planRosterSync(
      state({
        members: [
          member("c", { roles: [`${M}Learner`] }),
          member("s", { roles: [`${M}Instructor`] }),
          member("t", { roles: [`${M}Learner`] }),
        ],
        accounts: [account("creator", { privileged: true, ...linked("c") }), account("s", linked("s")), account("t", linked("t"))],
        enrolments: [enrolment("creator", { role: "INSTRUCTOR" }), enrolment("s"), enrolment("t", { role: "TA" })],
      }),
    );
    expect(plan.update).toEqual([
      expect.objectContaining({ userId: "s", changes: [{ field: "role", from: "STUDENT", to: "INSTRUCTOR" }] }),
    ]);
    expect(plan.kept.map((k) => [k.enrollmentId, k.role, k.lmsRole, k.creator])).toEqual([
      ["e-creator", "INSTRUCTOR", "STUDENT", true],
      ["e-t", "TA", "STUDENT", false],
    ]);
  });

  it("follows the LMS's name only for accounts without a password of their own, and fills an empty SIS id", () => {
    const plan = planRosterSync(
      state({
        members: [
          member("a", { name: "Ada King", sourcedId: "S1" }),
          member("b", { name: "Ben New", sourcedId: "S2" }),
          member("c", { sourcedId: "S3" }),
        ],
        accounts: [
          account("a", { name: "Ada", ...linked("a") }),
          account("b", { name: "Ben", hasPassword: true, ...linked("b") }),
          account("c", linked("c")),
        ],
        enrolments: [enrolment("a"), enrolment("b", { sisUserId: "OLD" }), enrolment("c"), enrolment("x", { sisUserId: "S3" })],
      }),
    );
    expect(plan.update.map((u) => [u.userId, u.changes])).toEqual([
      [
        "a",
        [
          { field: "name", from: "Ada", to: "Ada King" },
          { field: "sisUserId", from: null, to: "S1" },
        ],
      ],
    ]);
    // b: a password of their own, and an SIS id already; c: S3 is another enrolment's.
  });

  it("marks as left those inactive or deleted in the LMS and those from the LMS it no longer lists; not people enrolled by hand", () => {
    const plan = planRosterSync(
      state({
        members: [member("i", { status: "Inactive" }), member("d", { status: "Deleted" }), member("n", { status: "Inactive" })],
        accounts: [
          account("i", linked("i")),
          account("d", linked("d")),
          account("gone"),
          account("launched", linked("zz")),
          account("elsewhere", linked("zz", "https://moodle.test")),
          account("byhand"),
          account("already"),
        ],
        enrolments: [
          enrolment("i"),
          enrolment("d"),
          enrolment("gone"),
          enrolment("launched", { lmsStatus: null }),
          enrolment("elsewhere", { lmsStatus: null }),
          enrolment("byhand", { lmsStatus: null }),
          enrolment("already", { lmsStatus: "Deleted" }),
        ],
      }),
    );
    expect(plan.left.map((l) => [l.userId, l.status, l.missing])).toEqual([
      ["i", "Inactive", false],
      ["d", "Deleted", false],
      ["gone", "Deleted", true],
      ["launched", "Deleted", true],
    ]);
    expect(plan.ignored).toBe(1); // n: inactive and never enrolled here
    expect(plan.add).toEqual([]);
  });

  it("brings back someone who left and is active again", () => {
    const plan = planRosterSync(
      state({ members: [member("a")], accounts: [account("a", linked("a"))], enrolments: [enrolment("a", { lmsStatus: "Inactive" })] }),
    );
    expect(plan.update).toEqual([expect.objectContaining({ changes: [{ field: "lmsStatus", from: "Inactive", to: "Active" }] })]);
  });

  it("counts a person listed twice once, at their highest role, active if any listing is", () => {
    const plan = planRosterSync(
      state({ members: [member("a", { status: "Inactive" }), member("a", { roles: [`${M}Instructor`], name: "Ada" })] }),
    );
    expect(plan.listed).toBe(1);
    expect(plan.add).toEqual([expect.objectContaining({ sub: "a", role: "INSTRUCTOR", name: "Ada" })]);
  });

  it("plans nothing when the course already matches", () => {
    const plan = planRosterSync(state({ members: [member("a")], accounts: [account("a", linked("a"))], enrolments: [enrolment("a")] }));
    expect(syncChangeCount(plan)).toBe(0);
    expect(plan.unchanged).toBe(1);
  });
});

describe("placeholderEmail", () => {
  it("is one undeliverable address per LMS identity", () => {
    expect(placeholderEmail(ISS, "u1")).toMatch(/^lti-[0-9a-f]{32}@lms\.invalid$/);
    expect(placeholderEmail(ISS, "u1")).toBe(placeholderEmail(ISS, "u1"));
    expect(placeholderEmail(ISS, "u1")).not.toBe(placeholderEmail("https://moodle.test", "u1"));
  });
});
