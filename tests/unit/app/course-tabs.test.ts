// The staff tab bar lists only pages that exist, and shows students nothing.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COURSE_TABS, tabsFor } from "@/app/courses/[courseId]/tabs";

const COURSE_DIR = join(process.cwd(), "app", "courses", "[courseId]");

describe("course tabs", () => {
  it.each(COURSE_TABS.map((tab) => [tab.label, tab.segment] as const))("the %s tab leads to a page that exists", (_label, segment) => {
    expect(existsSync(join(COURSE_DIR, segment ?? "", "page.tsx"))).toBe(true);
  });

  it("gives each tab its own segment, so one tab at most is marked current", () => {
    const segments = COURSE_TABS.map((tab) => tab.segment);
    expect(new Set(segments).size).toBe(segments.length);
  });

  it("shows instructors and TAs the overview and the roster, and students no tab at all", () => {
    expect(tabsFor("INSTRUCTOR").map((tab) => tab.label)).toEqual(["Overview", "Roster"]);
    expect(tabsFor("TA").map((tab) => tab.label)).toEqual(["Overview", "Roster"]);
    expect(tabsFor("STUDENT")).toEqual([]);
  });
});
