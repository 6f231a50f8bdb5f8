// What the course forms say: the enrolment summary in one sentence per language, the schemas'
// message ids rendered as the action boundary renders them.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { issueText } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/locales";
import { renderText, type Translate } from "@/lib/i18n/render";
import { CreateCourseSchema, EnrollByEmailSchema, splitEmails } from "@/lib/courses/schemas";
import { enrolmentSummary } from "@/lib/courses/summary";
import { catalogs } from "@/messages";

const say = (l: Locale, m: Parameters<typeof renderText>[2]) =>
  renderText(createTranslator({ locale: l, messages: catalogs[l] }) as unknown as Translate, l, m);
const result = (added: number, invited: number, offered: number, alreadyEnrolled: number) => ({
  added,
  invited,
  alreadyEnrolled,
  offered: Array.from({ length: offered }, (_, i) => ({ email: `p${i}@example.edu`, token: `t${i}` })),
});

describe("the enrolment summary", () => {
  it("counts each person once and says only what happened, in one English sentence", () => {
    expect(say("en", enrolmentSummary(result(1, 0, 0, 0), "INSTRUCTOR"))).toBe("1 enrolled.");
    // Two pasted addresses: one new (invited), one already there — not "0 enrolled; 1 invited; 1 already".
    expect(say("en", enrolmentSummary(result(0, 1, 0, 1), "INSTRUCTOR"))).toBe(
      "1 invited (new accounts: share their invite links below) and 1 already in the course.",
    );
    expect(say("en", enrolmentSummary(result(0, 0, 1, 0), "INSTRUCTOR"))).toBe(
      "1 to confirm (existing accounts: send each the confirmation link below, to that address).",
    );
    expect(say("en", enrolmentSummary(result(2, 2, 0, 1), "TA"))).toBe(
      "2 enrolled, 2 invited (new accounts: an instructor shares their invite links), and 1 already in the course.",
    );
    expect(say("en", enrolmentSummary(result(0, 0, 0, 0), "TA"))).toBe("Nobody was added.");
  });

  it("reads as one Chinese sentence with Chinese punctuation", () => {
    expect(say("zh-CN", enrolmentSummary(result(2, 2, 0, 1), "INSTRUCTOR"))).toBe(
      "已添加2人、已邀请2人（新账号：请分享下方的邀请链接）和1人已在课程中。",
    );
    expect(say("zh-CN", enrolmentSummary(result(1234, 0, 0, 0), "TA"))).toBe("已添加1,234人。");
  });
});

describe("the course forms' messages", () => {
  /** What the action boundary shows for each field: the schema's message ids rendered with issueText. */
  const fieldErrors = (schema: typeof CreateCourseSchema | typeof EnrollByEmailSchema, fields: Record<string, string>, l: Locale) => {
    const parsed = schema.safeParse(fields);
    const out: Record<string, string[]> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) (out[issue.path.join(".")] ??= []).push(say(l, issueText(issue)));
    return out;
  };

  it("are message ids in the schema, rendered in the reader's language", () => {
    expect(fieldErrors(CreateCourseSchema, { code: "", title: "Networks" }, "en")).toEqual({ code: ["Enter a course code, like NET 101"] });
    expect(fieldErrors(CreateCourseSchema, { code: "", title: "x".repeat(121) }, "zh-CN")).toEqual({
      code: ["请输入课程代码，例如NET 101"],
      title: ["最多120个字符"],
    });
  });

  it("report every refused line with its reason, whether or not it has an @", () => {
    const posted = { courseId: "c", role: "STUDENT", emails: "ada@example.edu\nnot-an-email\nGrace Hopper <grace@example.edu>, x@\n\nbob" };
    expect(fieldErrors(EnrollByEmailSchema, posted, "en").emails).toEqual([
      "Line 2: “not-an-email” is not an email address",
      "Line 3: “x@” is not an email address",
      "Line 5: “bob” is not an email address",
    ]);
    expect(fieldErrors(EnrollByEmailSchema, posted, "zh-CN").emails).toEqual([
      "第2行：“not-an-email”不是邮箱地址",
      "第3行：“x@”不是邮箱地址",
      "第5行：“bob”不是邮箱地址",
    ]);
  });

  it("keep the names people paste with addresses, and count an address listed twice once", () => {
    expect(splitEmails("Grace Hopper <Grace@Example.edu>; grace@example.edu\nada@example.edu ben@example.edu")).toEqual({
      emails: ["grace@example.edu", "ada@example.edu", "ben@example.edu"],
      refused: [],
    });
  });

  it("stop listing after 20 refused lines and say how many more", () => {
    const posted = { courseId: "c", role: "STUDENT", emails: Array.from({ length: 25 }, (_, i) => `nobody${i}`).join("\n") };
    const errors = fieldErrors(EnrollByEmailSchema, posted, "en").emails;
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe("…and 5 more lines that are not email addresses");
  });
});
