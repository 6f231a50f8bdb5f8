// The roster's edit form and the import's inputs as the action boundary parses them: values
// trimmed, an empty field cleared, and each refusal's message in both languages.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { renderText, type Translate } from "@/lib/i18n/render";
import { issueText } from "@/lib/i18n/translate";
import { EnrollmentFieldsSchema, MAX_ROSTER_BYTES, RosterApplySchema, RosterPreviewSchema } from "@/lib/lms/roster-schemas";
import { catalogs } from "@/messages";

const say = (l: Locale, m: Parameters<typeof renderText>[2]) =>
  renderText(createTranslator({ locale: l, messages: catalogs[l] }) as unknown as Translate, l, m);
const base = { courseId: "c", enrollmentId: "e" };

function messages(input: Record<string, unknown>, locale: Locale): Record<string, string> {
  const parsed = EnrollmentFieldsSchema.safeParse({ ...base, ...input });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), say(locale, issueText(i))]));
}

describe("EnrollmentFieldsSchema", () => {
  it("trims, and turns an empty field into a cleared one", () => {
    expect(EnrollmentFieldsSchema.parse({ ...base, section: "  A ", sisUserId: " 0042 ", sisLoginId: "", username: "   " })).toEqual({
      ...base,
      section: "A",
      sisUserId: "0042",
      sisLoginId: null,
      username: null,
      orgDefinedId: null,
    });
  });

  it("refuses over-long values and control characters, saying so in both languages", () => {
    const bad = { section: "s".repeat(41), sisUserId: "x".repeat(101), username: "a\tb" };
    expect(messages(bad, "en")).toEqual({
      section: "Use at most 40 characters",
      sisUserId: "Use at most 100 characters",
      username: "Use no control characters (tabs, line breaks)",
    });
    expect(messages(bad, "zh-CN")).toEqual({
      section: "最多 40 个字符",
      sisUserId: "最多 100 个字符",
      username: "不要使用控制字符（制表符、换行）",
    });
  });
});

describe("the import's inputs", () => {
  it("take a file up to the limit in UTF-8 bytes, not characters", () => {
    const cjk = "李".repeat(Math.floor(MAX_ROSTER_BYTES / 3));
    expect(RosterPreviewSchema.safeParse({ courseId: "c", text: cjk }).success).toBe(true);
    const over = RosterPreviewSchema.safeParse({ courseId: "c", text: `${cjk}李` });
    expect(over.success).toBe(false);
    expect(say("en", issueText(over.error!.issues[0]))).toMatch(/^The file is too large/);
  });

  it("apply only with a digest that is one", () => {
    expect(RosterApplySchema.safeParse({ courseId: "c", text: "email\n", digest: "a".repeat(64) }).success).toBe(true);
    expect(RosterApplySchema.safeParse({ courseId: "c", text: "email\n", digest: "not-a-digest" }).success).toBe(false);
  });
});
