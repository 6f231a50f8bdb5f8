// Who may make a password reset link for whom: a link takes the account over, so an instructor
// reaches only accounts that hold nothing more than a student's place.
import { describe, expect, it } from "vitest";
import { resetRefusal, type ResetTarget } from "@/lib/auth/reset-policy";

const instructor = { id: "teacher", isAdmin: false };
const admin = { id: "admin", isAdmin: true };
const student: ResetTarget = { id: "s", invited: false, isAdmin: false, canTeach: false, roles: ["STUDENT"], roleHere: "STUDENT" };
const key = (refusal: ReturnType<typeof resetRefusal>) => refusal?.key ?? null;

describe("resetRefusal", () => {
  it("lets an instructor reset a student of the course, from its roster", () => {
    expect(resetRefusal(instructor, student, true)).toBeNull();
    expect(resetRefusal(instructor, { ...student, roles: ["STUDENT", "STUDENT"] }, true)).toBeNull();
  });

  it("refuses an instructor for staff, for anyone outside the course, and outside a course", () => {
    expect(key(resetRefusal(instructor, { ...student, roleHere: "TA", roles: ["TA"] }, true))).toBe("auth.reset.refused.notStudent");
    expect(key(resetRefusal(instructor, { ...student, roleHere: null }, true))).toBe("auth.reset.refused.notStudent");
    expect(key(resetRefusal(instructor, student, false))).toBe("auth.reset.refused.notStudent");
  });

  it("leaves to admins a student who teaches elsewhere, may create courses, or administers", () => {
    for (const target of [
      { ...student, roles: ["STUDENT", "INSTRUCTOR"] },
      { ...student, roles: ["STUDENT", "TA"] },
      { ...student, canTeach: true },
      { ...student, isAdmin: true },
    ])
      expect(key(resetRefusal(instructor, target, true))).toBe("auth.reset.refused.adminOnly");
  });

  it("lets an admin reset anyone, from anywhere, but never oneself; nobody resets an invited account", () => {
    expect(resetRefusal(admin, { ...student, isAdmin: true, roles: ["INSTRUCTOR"], roleHere: null }, false)).toBeNull();
    expect(resetRefusal(admin, { ...student, roleHere: "TA" }, true)).toBeNull();
    expect(key(resetRefusal(admin, { ...student, id: "admin", isAdmin: true }, false))).toBe("auth.reset.refused.self");
    expect(key(resetRefusal(instructor, { ...student, id: "teacher" }, true))).toBe("auth.reset.refused.self");
    expect(key(resetRefusal(admin, { ...student, invited: true }, false))).toBe("auth.reset.refused.invited");
    expect(key(resetRefusal(instructor, { ...student, invited: true }, true))).toBe("auth.reset.refused.invited");
  });
});
