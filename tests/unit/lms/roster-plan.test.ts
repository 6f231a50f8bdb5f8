// The plan a roster file makes against a course: who is invited, enrolled, changed or left as
// they are, and what is refused — staff never, an identifier another student holds never.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Msg } from "@/lib/i18n/msg";
import { renderText, type Translate } from "@/lib/i18n/render";
import { readRosterFile, type RosterFile } from "@/lib/lms/roster-file";
import { changeCount, planRoster, type CourseMember } from "@/lib/lms/roster-plan";
import { catalogs } from "@/messages";

const say = (locale: "en" | "zh-CN", m: Msg) =>
  renderText(createTranslator({ locale, messages: catalogs[locale] }) as unknown as Translate, locale, m);

function file(text: string): RosterFile {
  const read = readRosterFile(text);
  if (!read.ok) throw new Error("not read");
  return read.file;
}

const NO_IDS = { sisUserId: null, sisLoginId: null, username: null, orgDefinedId: null };
const member = (over: Partial<CourseMember> & Pick<CourseMember, "email">): CourseMember => ({
  enrollmentId: `e-${over.email}`,
  userId: `u-${over.email}`,
  name: over.email.split("@")[0],
  role: "STUDENT",
  section: null,
  ids: NO_IDS,
  ...over,
});

describe("planRoster", () => {
  const members = [
    member({ email: "ada@x.test", name: "Ada Lovelace", section: "A", ids: { ...NO_IDS, sisUserId: "S001" } }),
    member({ email: "ben@x.test", name: "Ben Byte", section: "A" }),
    member({ email: "ta@x.test", name: "Tess Assistant", role: "TA" }),
  ];
  const accounts = [{ userId: "u-cy", email: "cy@x.test", name: "Cy Existing" }];
  const plan = planRoster(
    file(
      [
        "email,name,section,sis_id",
        "ada@x.test,Ada,A,S001", // as she is
        "ben@x.test,Ben,B,S002", // section and id change
        "cy@x.test,Cy,A,", // has an account: enrolled
        "dee@x.test,Dee Novak,C,S003", // new: invited
        "ta@x.test,Tess,A,", // staff: refused
        "eve@x.test,Eve,A,S001", // Ada's id: refused
        "fay@x.test,Fay,A,S003", // Dee's id, earlier in the file: refused
      ].join("\n"),
    ),
    { members, accounts },
  );

  it("sorts every row into one of invite, enrol, update, unchanged or refused", () => {
    expect(plan.invite).toEqual([{ line: 5, email: "dee@x.test", name: "Dee Novak", section: "C", ids: { sisUserId: "S003" } }]);
    expect(plan.enrol).toEqual([
      { line: 4, email: "cy@x.test", name: "Cy", section: "A", ids: {}, userId: "u-cy", accountName: "Cy Existing" },
    ]);
    expect(plan.update).toEqual([
      {
        line: 3,
        email: "ben@x.test",
        name: "Ben Byte",
        enrollmentId: "e-ben@x.test",
        changes: [
          { field: "section", from: "A", to: "B" },
          { field: "sisUserId", from: null, to: "S002" },
        ],
      },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(changeCount(plan)).toBe(3);
  });

  it("refuses staff and identifiers held by someone else, with the line and in both languages", () => {
    expect(plan.refused.map((r) => [r.line, r.email, say("en", r.reason)])).toEqual([
      [6, "ta@x.test", "A member of staff (teaching assistant): a file enrols students only and changes nobody's role."],
      [7, "eve@x.test", "SIS user id “S001” already belongs to Ada Lovelace."],
      [8, "fay@x.test", "SIS user id “S003” already belongs to Dee Novak."],
    ]);
    expect(say("zh-CN", plan.refused[1].reason)).toContain("S001");
    expect(say("zh-CN", plan.refused[1].reason)).not.toMatch(/already/);
  });

  it("never lowers a stored value to an empty cell, and keeps the line order of refusals across file and plan", () => {
    const again = planRoster(file("email,name,section,sis_id\nnot-an-email,X,A,1\nada@x.test,,,\n"), { members, accounts: [] });
    expect(again.update).toEqual([]);
    expect(again.unchanged).toBe(1);
    expect(again.refused.map((r) => r.line)).toEqual([2]);
  });
});
