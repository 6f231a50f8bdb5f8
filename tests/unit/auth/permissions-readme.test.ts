// README's "Who may do what" is a copy of lib/auth/permissions.ts for readers: every permission
// once, with a mark for exactly the roles that hold it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { COURSE_ROLES, type CourseRole } from "@/lib/auth/roles";

const COLUMNS: Record<string, CourseRole> = { instructor: "INSTRUCTOR", "teaching assistant": "TA", student: "STUDENT" };

/** The README table as { permission: roles marked ✓ }. */
function readmeMatrix(readme: string): Record<string, CourseRole[]> {
  const section = readme.split(/^## /m).find((s) => s.startsWith("Who may do what\n"));
  if (!section) throw new Error('README has no "## Who may do what" section');
  const lines = section.split("\n").filter((line) => line.startsWith("|"));
  const header = lines[0]
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());
  const roleAt = header.map((h) => COLUMNS[h]);
  const table: Record<string, CourseRole[]> = {};
  for (const line of lines.slice(2)) {
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    const permission = /^`([a-z.]+)`$/.exec(cells[0])?.[1];
    if (!permission) throw new Error(`README matrix row without a permission: ${line}`);
    if (table[permission]) throw new Error(`README matrix lists ${permission} twice`);
    table[permission] = cells.flatMap((cell, i) => {
      if (!roleAt[i]) return [];
      if (cell !== "✓" && cell !== "—") throw new Error(`README matrix: "${cell}" for ${permission} is neither ✓ nor —`);
      return cell === "✓" ? [roleAt[i]] : [];
    });
  }
  return table;
}

describe('README "Who may do what"', () => {
  const readme = readFileSync("README.md", "utf8");

  it("has a column for every course role", () => {
    expect(Object.values(COLUMNS).sort()).toEqual([...COURSE_ROLES].sort());
  });

  it("is exactly lib/auth/permissions.ts: every permission, each with the roles that hold it", () => {
    const expected = Object.fromEntries((Object.keys(PERMISSIONS) as Permission[]).map((p) => [p, [...PERMISSIONS[p]].sort()]));
    const table = readmeMatrix(readme);
    expect(Object.fromEntries(Object.entries(table).map(([p, roles]) => [p, [...roles].sort()]))).toEqual(expected);
  });

  it("a wrong mark is caught", () => {
    const broken = readme.replace(/(\| `roster\.roles` \|[^\n]*?\| ✓ \| )—/, "$1✓");
    expect(broken).not.toBe(readme);
    expect(readmeMatrix(broken)["roster.roles"]).toContain("TA");
  });
});
