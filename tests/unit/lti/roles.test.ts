// LTI role URIs → course roles (LTI Core 1.3 §A.2 role vocabularies). The 1EdTech certification
// launches with short role values ("Instructor"), unknown roles and no role at all, and each
// must succeed; the least a launch grants is STUDENT.
import { describe, expect, it } from "vitest";
import { courseRoleOf, platformAdmin } from "@/lib/lti/roles";

const M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
const INST = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
const SYS = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

describe("courseRoleOf", () => {
  it.each([
    [[`${M}Instructor`], "INSTRUCTOR"],
    [["Instructor"], "INSTRUCTOR"],
    [[`${M}ContentDeveloper`], "INSTRUCTOR"],
    [[`${M}Administrator`], "INSTRUCTOR"],
    [[`${SYS}Administrator`], "INSTRUCTOR"],
    [[`${M}Learner`], "STUDENT"],
    [["Learner"], "STUDENT"],
    [[`${INST}Student`, `${M}Learner`], "STUDENT"],
    [["http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"], "TA"],
    [[`${M}TeachingAssistant`], "TA"],
    [[`${INST}Instructor`], "STUDENT"], // an institution's instructor is not this course's
    [["http://example.test/roles#Wizard"], "STUDENT"],
    [[], "STUDENT"],
  ] as const)("%j → %s", (roles, expected) => {
    expect(courseRoleOf(roles)).toBe(expected);
  });

  it("lets the instructor role win over a teaching-assistant sub-role", () => {
    expect(courseRoleOf([`${M}Instructor`, "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"])).toBe(
      "INSTRUCTOR",
    );
  });
});

describe("platformAdmin", () => {
  it("is an institution or system administrator, not a course's", () => {
    expect(platformAdmin([`${INST}Administrator`])).toBe(true);
    expect(platformAdmin([`${SYS}Administrator`])).toBe(true);
    expect(platformAdmin([`${M}Administrator`])).toBe(false);
    expect(platformAdmin(["Learner"])).toBe(false);
  });
});
