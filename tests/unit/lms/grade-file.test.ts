// The grade files (lib/lms/grade-file.ts) byte for byte against fixtures written from each LMS's
// importer rules (docs/lms-grades.md; tests/fixtures/lms-grades), then read back with an
// independent CSV parser (csv-parse) and checked against what each importer requires: Canvas's
// header and "Title (id)" columns, Moodle's equal field counts and no blank identifier,
// Blackboard's "|column id" headings, Brightspace's "#" identifiers and End-of-Line Indicator.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { gradeFile, gradeNumber, splitName, type Sheet, type SheetStudent } from "@/lib/lms/grade-file";
import { GradeFileOptionsSchema, type GradeFileOptions } from "@/lib/lms/grade-options";

const fixture = (name: string) => readFileSync(join(__dirname, "../../fixtures/lms-grades", name), "utf8");
const options = (o: Record<string, unknown>): GradeFileOptions => GradeFileOptionsSchema.parse(o);

const student = (s: Partial<SheetStudent> & Pick<SheetStudent, "userId" | "name" | "email">): SheetStudent => ({
  section: null,
  sisUserId: null,
  sisLoginId: null,
  username: null,
  orgDefinedId: null,
  ...s,
});

/** Five students: a "Family, Given" name, a formula for a name, CJK with no identifiers, accents with a formula for an id. */
function sheet(ids: [string | null, string | null]): Sheet {
  return {
    columns: [
      { key: "q1", title: "TCP Handshake Quiz", maxScore: 10, externalId: ids[0] },
      { key: "q2", title: "Teardown Quiz", maxScore: 20, externalId: ids[1] },
    ],
    rows: [
      {
        student: student({
          userId: "ada",
          name: "Lovelace, Ada",
          email: "ada@synack.test",
          section: "Section A",
          sisUserId: "S001",
          sisLoginId: "ada@synack.test",
          username: "ada",
          orgDefinedId: "S001",
        }),
        values: [{ points: 8.5 }, "excused"],
      },
      {
        student: student({
          userId: "ben",
          name: "Byte, Ben",
          email: "ben@synack.test",
          section: "Section A",
          sisUserId: "S002",
          sisLoginId: "ben@synack.test",
          username: "ben",
          orgDefinedId: "S002",
        }),
        values: [null, { points: 17.25 }],
      },
      {
        student: student({
          userId: "zoe",
          name: '=HYPERLINK("http://evil.test","Zoë")',
          email: "zoe@synack.test",
          section: 'Section "B", evening',
          sisUserId: "S003",
          sisLoginId: "zoe@synack.test",
          username: "zoe",
          orgDefinedId: "S003",
        }),
        values: [{ points: 10 }, { points: 0 }],
      },
      {
        student: student({ userId: "chen", name: "陈静", email: "chen@synack.test", section: "Section B" }),
        values: [{ points: 7.333 }, null],
      },
      {
        student: student({
          userId: "jose",
          name: "José Álvarez-Núñez",
          email: "jose@synack.test",
          section: "Section B",
          sisUserId: "=1+1",
          sisLoginId: "jose@synack.test",
          username: "jose",
          orgDefinedId: "00123",
        }),
        values: [{ points: 9.999 }, { points: 20 }],
      },
    ],
  };
}

const read = (text: string, delimiter = ",") => parse(text, { delimiter, bom: true, relax_column_count: true }) as string[][];
const left = (file: ReturnType<typeof gradeFile>) => file.leftOut.map((s) => `${s.userId}:${s.reason}`);

describe("Canvas (Gradebook → Import)", () => {
  const file = gradeFile(sheet(["1234", "1235"]), options({ format: "canvas" }));

  it("writes the gradebook import's shape: student block ending in Section, Title (id) columns, Points Possible, EX for excused", () => {
    expect(file.text).toBe(fixture("canvas.csv"));
    expect(file.rowCount).toBe(5);
    expect(file.leftOut).toEqual([]);
  });

  it("passes the importer's header checks and gives each column its assignment id", () => {
    const [header, points, ...rows] = read(file.text);
    expect(header[0]).toContain("Student");
    expect(header[1]).toContain("ID");
    expect(header.slice(2, 5)).toEqual(["SIS User ID", "SIS Login ID", "Section"]);
    // Assignment.title_and_id
    expect(header.slice(5).map((h) => /^(.*)\s\((\d+)\)$/.exec(h)?.[2])).toEqual(["1234", "1235"]);
    expect(points[0]).toContain("Points Possible");
    for (const row of rows) expect(row).toHaveLength(header.length);
    // The formula name is plain text; the identifiers and grades are as written.
    expect(rows[2][0]).toBe('\'=HYPERLINK("http://evil.test","Zoë")');
    expect(rows[2].slice(2, 4)).toEqual(["S003", "zoe@synack.test"]);
  });

  it("leaves out an identifier that would run as a formula, and says who Canvas will match by name", () => {
    const [, , ...rows] = read(file.text);
    expect(rows[4][2]).toBe("");
    expect(file.warnings).toEqual([{ key: "lmsGrades.warnings.canvasByName", values: { count: 1 } }]);
  });

  it("matches by title without an id, warns of a title Canvas takes as its own total, and drops Points Possible on request", () => {
    const s = sheet([null, null]);
    const renamed: Sheet = { ...s, columns: [{ ...s.columns[0], title: "Final Score review" }, s.columns[1]] };
    const plain = gradeFile(renamed, options({ format: "canvas", pointsPossible: false, bom: true }));
    expect(
      plain.text.startsWith('\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,Final Score review,Teardown Quiz\r\n"Lovelace, Ada"'),
    ).toBe(true);
    expect(plain.warnings[0]).toEqual({ key: "lmsGrades.warnings.canvasReserved", values: { column: "Final Score review" } });
  });
});

describe("Moodle (Grades → Import → CSV file)", () => {
  it("writes one identifier column and a column per item, '-' for no grade", () => {
    const file = gradeFile(sheet([null, null]), options({ format: "moodle" }));
    expect(file.text).toBe(fixture("moodle-email.csv"));
    expect(file.leftOut).toEqual([]);
  });

  it("never writes a row without the chosen identifier: those students are left out and named", () => {
    const file = gradeFile(sheet([null, null]), options({ format: "moodle", identifier: "idnumber" }));
    expect(file.text).toBe(fixture("moodle-idnumber.csv"));
    expect(left(file)).toEqual(["chen:missing", "jose:unsafe"]);
    expect(file.rowCount).toBe(3);
    const lines = read(file.text);
    // csvweirdcolumns: every row as many fields as the header; usermappingerror: no blank identifier.
    for (const line of lines) expect(line).toHaveLength(lines[0].length);
    for (const line of lines.slice(1)) expect(line[0]).not.toBe("");
  });

  it("maps username to the enrolment's username, and warns of a grade above 100", () => {
    const s = sheet([null, null]);
    const big: Sheet = { ...s, rows: [{ ...s.rows[0], values: [{ points: 120 }, null] }] };
    const file = gradeFile(big, options({ format: "moodle", identifier: "username" }));
    expect(file.text).toBe("Username,TCP Handshake Quiz,Teardown Quiz\r\nada,120,-\r\n");
    expect(file.warnings).toEqual([{ key: "lmsGrades.warnings.moodleOverHundred" }]);
  });
});

describe("Blackboard (Grade Center → Work Offline → Upload)", () => {
  it("quotes every field of the comma file and names each column by its id", () => {
    const file = gradeFile(sheet(["664617", "664618"]), options({ format: "blackboard" }));
    expect(file.text).toBe(fixture("blackboard.csv"));
    expect(left(file)).toEqual(["chen:missing"]);
    expect(file.warnings).toEqual([]);
    const [header] = read(file.text);
    expect(header.slice(4).map((h) => / \|(\d+)$/.exec(h)?.[1])).toEqual(["664617", "664618"]);
  });

  it("writes the tab-delimited variant", () => {
    const file = gradeFile(sheet(["664617", "664618"]), options({ format: "blackboard", delimiter: "tab" }));
    expect(file.text).toBe(fixture("blackboard-tab.txt"));
    const lines = read(file.text, "\t");
    expect(lines[3].slice(0, 3)).toEqual(['\'=HYPERLINK("http://evil.test"', '"Zoë")', "zoe"]);
    for (const line of lines) expect(line).toHaveLength(6);
  });

  it("warns that a column without an id becomes a new text column", () => {
    const file = gradeFile(sheet([null, "664618"]), options({ format: "blackboard" }));
    expect(read(file.text)[0][4]).toBe("TCP Handshake Quiz");
    expect(file.warnings).toEqual([{ key: "lmsGrades.warnings.blackboardNoColumnId", values: { column: "TCP Handshake Quiz" } }]);
  });
});

describe("Brightspace (Grades → Enter Grades → Import)", () => {
  it("prefixes the identifier with #, names items '<Item> Points Grade' and ends each row with the # indicator", () => {
    const file = gradeFile(sheet([null, null]), options({ format: "brightspace" }));
    expect(file.text).toBe(fixture("brightspace-orgdefinedid.csv"));
    expect(left(file)).toEqual(["chen:missing"]);
    const lines = read(file.text);
    expect(lines[0].at(-1)).toBe("End-of-Line Indicator");
    for (const line of lines.slice(1)) expect([line[0][0], line.at(-1)]).toEqual(["#", "#"]);
    // Leading zeros kept behind the #.
    expect(lines[4][0]).toBe("#00123");
  });

  it("matches by username when asked", () => {
    const file = gradeFile(sheet([null, null]), options({ format: "brightspace", identifier: "username" }));
    expect(file.text).toBe(fixture("brightspace-username.csv"));
  });
});

describe("values and names", () => {
  it("writes points with at most 2 decimals, '.' for the point and no grouping", () => {
    expect([gradeNumber(8.5), gradeNumber(7.333), gradeNumber(9.999), gradeNumber(1234.5), gradeNumber(0), gradeNumber(-0.001)]).toEqual([
      "8.5",
      "7.33",
      "10",
      "1234.5",
      "0",
      "0",
    ]);
  });

  it("splits a name into Blackboard's last and first name", () => {
    expect(splitName("Lovelace, Ada")).toEqual({ last: "Lovelace", first: "Ada" });
    expect(splitName("Ada King Lovelace")).toEqual({ last: "Lovelace", first: "Ada King" });
    expect(splitName("陈静")).toEqual({ last: "陈静", first: "" });
  });
});
