// How a quiz's settings and its feedback release read, in English and in Chinese: the pure
// modules give catalog messages, rendered here as the pages render them.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { releaseOf } from "@/lib/attempts/release";
import type { Locale } from "@/lib/i18n/locales";
import type { Text } from "@/lib/i18n/msg";
import { renderText, type Translate } from "@/lib/i18n/render";
import { FEEDBACK_LABEL, formatLimit, QUIZ_TIME_FORMAT, quizStatus, STATUS_LABEL } from "@/lib/quizzes/status";
import { catalogs } from "@/messages";

function renderer(locale: Locale, timeZone = "UTC") {
  const t = createTranslator({ locale, messages: catalogs[locale], timeZone });
  return {
    text: (text: Text) => renderText(t as unknown as Translate, locale, text),
    t,
  };
}
const en = renderer("en");
const zh = renderer("zh-CN");

describe("time limits", () => {
  it.each([
    [45, "45 s", "45秒"],
    [90, "90 s", "90秒"],
    [20 * 60, "20 min", "20分钟"],
    [119 * 60, "119 min", "119分钟"],
    [2 * 3600, "2 h", "2小时"],
    [90 * 60 + 7200, "3 h 30 min", "3小时30分钟"],
  ])("%i s reads %s and %s", (seconds, english, chinese) => {
    expect(en.text(formatLimit(seconds))).toBe(english);
    expect(zh.text(formatLimit(seconds))).toBe(chinese);
  });

  it("groups large numbers the way each language does", () => {
    expect(en.text(formatLimit(1_000 * 3600))).toBe("1,000 h");
    expect(zh.text(formatLimit(1_000 * 3600))).toBe("1,000小时");
  });

  it("says the limit in a sentence, with the whole phrase translated", () => {
    expect(en.t("quizzes.timeLimit", { limit: en.text(formatLimit(1200)) })).toBe("20 min time limit");
    expect(zh.t("quizzes.timeLimit", { limit: zh.text(formatLimit(1200)) })).toBe("限时20分钟");
  });
});

describe("quiz labels", () => {
  const now = new Date("2027-03-01T12:00:00Z");
  const later = new Date("2027-03-05T14:30:00Z");

  it("names each status in both languages", () => {
    const upcoming = quizStatus({ published: true, opensAt: later, closesAt: null }, now);
    expect(upcoming).toBe("upcoming");
    expect(en.text(STATUS_LABEL[upcoming])).toBe("Upcoming");
    expect(zh.text(STATUS_LABEL[upcoming])).toBe("即将开放");
    expect(en.text(STATUS_LABEL.draft)).toBe("Draft (students cannot see it)");
    expect(zh.text(STATUS_LABEL.closed)).toBe("已截止");
  });

  it("says when feedback is released", () => {
    expect(en.text(FEEDBACK_LABEL.AFTER_CLOSE)).toBe("feedback after the quiz closes");
    expect(zh.text(FEEDBACK_LABEL.AFTER_CLOSE)).toBe("测验截止后发布反馈");
    expect(zh.text(FEEDBACK_LABEL.NEVER)).toBe("不发布反馈");
  });

  it("counts attempts with plurals, and says unlimited for none", () => {
    expect(en.t("quizzes.attemptsAllowed", { count: 1 })).toBe("1 attempt");
    expect(en.t("quizzes.attemptsAllowed", { count: 3 })).toBe("3 attempts");
    expect(en.t("quizzes.attemptsAllowed", { count: 0 })).toBe("unlimited attempts");
    expect(zh.t("quizzes.attemptsAllowed", { count: 3 })).toBe("可作答3次");
    expect(zh.t("quizzes.attemptsAllowed", { count: 0 })).toBe("不限作答次数");
    expect(en.t("quizzes.counts", { items: 1, attempts: 0 })).toBe("1 item, 0 attempts so far");
    expect(zh.t("quizzes.counts", { items: 3, attempts: 1 })).toBe("3道题，已有1次作答");
  });

  it("names the mode", () => {
    expect(en.t("quizzes.mode", { mode: "EXAM" })).toBe("Exam");
    expect(zh.t("quizzes.mode", { mode: "PRACTICE" })).toBe("练习");
  });
});

describe("feedback release reasons", () => {
  const closesAt = new Date("2027-03-05T14:30:00Z");
  const before = new Date("2027-03-01T00:00:00Z");
  const quiz = { feedbackRelease: "AFTER_CLOSE" as const, closesAt, releaseAt: null };

  it("give the closing time in the reader's time zone, naming the zone", () => {
    const { reason, released } = releaseOf(quiz, "SUBMITTED", before);
    expect(released).toBe(false);
    expect(en.text(reason)).toBe("Feedback is released when the quiz closes, Mar 5, 2027, 2:30 PM UTC.");
    expect(renderer("en", "Asia/Shanghai").text(reason)).toBe("Feedback is released when the quiz closes, Mar 5, 2027, 10:30 PM GMT+8.");
    expect(renderer("zh-CN", "Asia/Shanghai").text(reason)).toBe("反馈将在测验截止时（2027年3月5日 GMT+8 22:30）发布。");
  });

  it("print the closing time as the course page prints a quiz's times", () => {
    const page = new Intl.DateTimeFormat("en", { ...QUIZ_TIME_FORMAT, timeZone: "UTC" }).format(closesAt);
    expect(en.text(releaseOf(quiz, "SUBMITTED", before).reason)).toContain(page);
  });

  it("read naturally in both languages for every setting", () => {
    expect(zh.text(releaseOf(quiz, "IN_PROGRESS", before).reason)).toBe("本次作答尚未提交。");
    expect(zh.text(releaseOf(quiz, "SUBMITTED", new Date("2027-04-01T00:00:00Z")).reason)).toBe("测验已截止，反馈已发布。");
    expect(en.text(releaseOf({ feedbackRelease: "IMMEDIATELY", closesAt: null, releaseAt: null }, "SUBMITTED", before).reason)).toBe(
      "Feedback is shown as soon as you submit.",
    );
    expect(zh.text(releaseOf({ feedbackRelease: "AFTER_CLOSE", closesAt: null, releaseAt: null }, "SUBMITTED", before).reason)).toBe(
      "反馈将在测验截止时发布。",
    );
    expect(zh.text(releaseOf({ feedbackRelease: "NEVER", closesAt: null, releaseAt: null }, "SUBMITTED", before).reason)).toBe(
      "讲师不发布这个测验的反馈。",
    );
  });
});
