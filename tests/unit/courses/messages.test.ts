// What the course forms say: the enrolment summary in one sentence per language, the schemas'
// message ids rendered as the action boundary renders them.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { issueText } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/locales";
import { renderText, type Translate } from "@/lib/i18n/render";
import { CreateCourseSchema, EnrollByEmailSchema, notEmailsParams } from "@/lib/courses/schemas";
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
  it("says only what happened, in one English sentence", () => {
    expect(say("en", enrolmentSummary(result(1, 0, 0, 0), "INSTRUCTOR"))).toBe("1 enrolled.");
    expect(say("en", enrolmentSummary(result(1, 1, 0, 1), "INSTRUCTOR"))).toBe(
      "1 enrolled; 1 invited (new accounts: share their invite links below); 1 already in the course.",
    );
    expect(say("en", enrolmentSummary(result(0, 0, 1, 0), "INSTRUCTOR"))).toBe(
      "0 enrolled; 1 to confirm (existing accounts: send each the confirmation link below, to that address).",
    );
    expect(say("en", enrolmentSummary(result(2, 2, 0, 0), "TA"))).toBe(
      "2 enrolled; 2 invited (new accounts: an instructor shares their invite links).",
    );
  });

  it("reads as one Chinese sentence with Chinese punctuation", () => {
    expect(say("zh-CN", enrolmentSummary(result(2, 2, 0, 1), "INSTRUCTOR"))).toBe(
      "已添加2人；已邀请2人（新账号：请分享下方的邀请链接）；1人已在课程中。",
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

  it("name the addresses that are not ones", () => {
    const posted = { courseId: "c", role: "STUDENT", emails: "ada@example.edu not-an-email@x" };
    expect(fieldErrors(EnrollByEmailSchema, posted, "en").emails).toEqual(["Not email addresses: not-an-email@x"]);
    expect(fieldErrors(EnrollByEmailSchema, posted, "zh-CN").emails).toEqual(["以下不是邮箱地址：not-an-email@x"]);
  });

  it("mark a cut list with an ellipsis", () => {
    const seven = Array.from({ length: 7 }, (_, i) => `x${i}@`);
    expect(say("en", { key: "roster.form.notEmails", values: notEmailsParams(seven) })).toBe(
      "Not email addresses: x0@, x1@, x2@, x3@, x4@…",
    );
  });
});
