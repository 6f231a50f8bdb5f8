// The staff tab bar lists only pages that exist, shows students nothing, and names its tabs
// in the reader's language.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { COURSE_TABS, tabsFor } from "@/app/courses/[courseId]/tabs";
import type { Locale } from "@/lib/i18n/locales";
import { catalogs } from "@/messages";

const COURSE_DIR = join(process.cwd(), "app", "courses", "[courseId]");
const labels = (locale: Locale, role: "INSTRUCTOR" | "TA") => {
  const t = createTranslator({ locale, messages: catalogs[locale] });
  return tabsFor(role).map((tab) => t(tab.label));
};

describe("course tabs", () => {
  it.each(COURSE_TABS.map((tab) => [tab.label, tab.segment] as const))("the %s tab leads to a page that exists", (_label, segment) => {
    expect(existsSync(join(COURSE_DIR, segment ?? "", "page.tsx"))).toBe(true);
  });

  it("gives each tab its own segment, so one tab at most is marked current", () => {
    const segments = COURSE_TABS.map((tab) => tab.segment);
    expect(new Set(segments).size).toBe(segments.length);
  });

  it("shows instructors and TAs the overview, the banks, the quizzes, the roster, the gradebook and analytics, and students no tab at all", () => {
    expect(labels("en", "INSTRUCTOR")).toEqual(["Overview", "Question banks", "Quizzes", "Roster", "Gradebook", "Analytics"]);
    expect(labels("en", "TA")).toEqual(["Overview", "Question banks", "Quizzes", "Roster", "Gradebook", "Analytics"]);
    expect(tabsFor("STUDENT")).toEqual([]);
  });

  it("names the tabs in Chinese for a Chinese reader", () => {
    expect(labels("zh-CN", "INSTRUCTOR")).toEqual(["概览", "题库", "测验", "名册", "成绩册", "分析"]);
  });
});
