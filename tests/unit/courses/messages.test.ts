// What the course forms say: the enrolment summary in one sentence per language, the schemas'
// message ids, and the action wrapper that renders them for the form.
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { renderText, type Translate } from "@/lib/i18n/render";
import { CreateCourseSchema, EnrollByEmailSchema, notEmailsParams } from "@/lib/courses/schemas";
import { enrolmentSummary } from "@/lib/courses/summary";
import { catalogs } from "@/messages";

let locale: Locale = "en";
vi.mock("next-intl/server", () => ({
  getLocale: async () => locale,
  getTranslations: async () => createTranslator({ locale, messages: catalogs[locale] }),
}));
const { inReaderLanguage } = await import("@/lib/courses/form-text");

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
  beforeEach(() => {
    locale = "en";
  });
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };
  /** An action as action-client builds one: a failed parse gives the schema's messages as field errors. */
  const fake =
    (schema: typeof CreateCourseSchema | typeof EnrollByEmailSchema) => async (prev: unknown, received: FormData | undefined) => {
      const posted = received ?? (prev as FormData);
      const parsed = schema.safeParse(Object.fromEntries(posted.entries()));
      if (parsed.success) return { ok: true, message: "Done as typed." };
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
      return { ok: false, message: "Please correct the highlighted fields.", fieldErrors };
    };

  it("are message ids in the schema, rendered in the reader's language by the wrapped action", async () => {
    const action = inReaderLanguage(fake(CreateCourseSchema));
    const english = await action({ ok: false }, form({ code: "", title: "Networks" }));
    expect(english.fieldErrors).toEqual({ code: ["Enter a course code, like NET 101"] });
    locale = "zh-CN";
    const chinese = await action({ ok: false }, form({ code: "", title: "x".repeat(121) }));
    expect(chinese.fieldErrors).toEqual({ code: ["请输入课程代码，例如NET 101"], title: ["最多120个字符"] });
  });

  it("leave words that are already words as they are", async () => {
    const action = inReaderLanguage(fake(CreateCourseSchema));
    expect((await action({ ok: false }, form({ code: "NET 1", title: "T" }))).message).toBe("Done as typed.");
    expect((await action({ ok: false }, form({ code: "", title: "T" }))).message).toBe("Please correct the highlighted fields.");
  });

  it("name the addresses that are not ones, read from the posted form, also for a post without JavaScript", async () => {
    const action = inReaderLanguage(fake(EnrollByEmailSchema), (posted) => ({
      "roster.form.notEmails": notEmailsParams(
        String(posted.get("emails"))
          .split(/\s+/)
          .filter((e) => !e.includes(".")),
      ),
    }));
    const posted = form({ courseId: "c", role: "STUDENT", emails: "ada@example.edu not-an-email@x" });
    expect((await action({ ok: false }, posted)).fieldErrors?.emails).toEqual(["Not email addresses: not-an-email@x"]);
    locale = "zh-CN";
    // Before hydration a form posts to the action with the form as its only argument.
    const mpa = action as unknown as (form: FormData, none: undefined) => Promise<{ fieldErrors?: Record<string, string[]> }>;
    expect((await mpa(posted, undefined)).fieldErrors?.emails).toEqual(["以下不是邮箱地址：not-an-email@x"]);
  });

  it("mark a cut list with an ellipsis", () => {
    const seven = Array.from({ length: 7 }, (_, i) => `x${i}@`);
    expect(say("en", { key: "roster.form.notEmails", values: notEmailsParams(seven) })).toBe(
      "Not email addresses: x0@, x1@, x2@, x3@, x4@…",
    );
  });
});
