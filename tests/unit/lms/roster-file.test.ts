// Reading roster files: the four shapes by their header, from fixtures written byte for byte in
// each LMS's shape (tests/fixtures/roster, sources in docs/roster-import.md), and what is
// refused with its line and why.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Msg } from "@/lib/i18n/msg";
import { renderText, type Translate } from "@/lib/i18n/render";
import { readRosterFile, type RosterFile } from "@/lib/lms/roster-file";
import { MAX_ROSTER_ROWS } from "@/lib/lms/roster-schemas";
import { catalogs } from "@/messages";

const fixture = (name: string) => readFileSync(join(__dirname, "../../fixtures/roster", name), "utf8");
const en = (m: Msg) => renderText(createTranslator({ locale: "en", messages: catalogs.en }) as unknown as Translate, "en", m);

function read(text: string): RosterFile {
  const result = readRosterFile(text);
  if (!result.ok) throw new Error(`not read: ${en(result.problem.message)}`);
  return result.file;
}

const refusals = (file: RosterFile) => file.refused.map((r) => ({ line: r.line, email: r.email, reason: en(r.reason) }));

describe("Canvas's Gradebook export", () => {
  const file = read(fixture("canvas-gradebook.csv"));

  it("is recognized through its BOM, and the Points Possible row is no student", () => {
    expect(file.shape).toBe("canvas-gradebook");
    expect(file.entries.map((e) => e.email)).toEqual(["ada@synack.test", "ben@synack.test", "li@synack.test", "hyper@synack.test"]);
  });

  it("takes the section and both SIS identifiers, and names with commas, CJK and formulas as they are", () => {
    expect(file.entries[0]).toEqual({
      line: 3,
      email: "ada@synack.test",
      name: "Lovelace, Ada",
      section: "Section A",
      ids: { sisUserId: "S001", sisLoginId: "ada@synack.test" },
    });
    expect(file.entries[2].name).toBe("李, 小龙");
    expect(file.entries[3].name).toBe('=HYPERLINK("http://evil.test","x")');
  });

  it("refuses the test student, who has no login id to be an address", () => {
    expect(refusals(file)).toEqual([
      {
        line: 7,
        email: null,
        reason: "No email address: the row has none (for Canvas's Gradebook export, the SIS login id must be the student's email).",
      },
    ]);
  });
});

describe("Canvas's SIS users.csv", () => {
  const file = read(fixture("canvas-users.csv"));

  it("maps user_id and login_id to the SIS identifiers and full_name to the name, quotes undone", () => {
    expect(file.shape).toBe("canvas-users");
    expect(file.entries).toEqual([
      { line: 2, email: "ada@synack.test", name: "Ada Lovelace", section: null, ids: { sisUserId: "01103", sisLoginId: "ada.lovelace" } },
      { line: 3, email: "ben@synack.test", name: 'Ben "the Bit" Byte', section: null, ids: { sisUserId: "01104", sisLoginId: "ben.byte" } },
    ]);
  });

  it("keeps the leading zeros of an identifier, and refuses a user marked deleted", () => {
    expect(file.entries[0].ids.sisUserId).toBe("01103");
    expect(refusals(file)).toEqual([{ line: 4, email: "old@synack.test", reason: "Marked deleted in the LMS." }]);
  });
});

describe("Moodle's user download", () => {
  const file = read(fixture("moodle-users.csv"));

  it("maps username and ID number, and joins first and last name (accents, CJK)", () => {
    expect(file.shape).toBe("moodle");
    expect(file.entries.map((e) => [e.line, e.email, e.name, e.ids])).toEqual([
      [2, "ada@synack.test", "Ada Lovelace", { username: "ada", sisUserId: "S001" }],
      [3, "jose@synack.test", "José Núñez", { username: "jose", sisUserId: "S010" }],
      [4, "wang@synack.test", "王 芳", { username: "wang", sisUserId: "S011" }],
    ]);
    expect(file.refused).toEqual([]);
  });
});

describe("the plain email,name,section,sis_id file", () => {
  const file = read(fixture("plain.csv"));

  it("lower-cases addresses, keeps formula-like names as text, and refuses what is no address or listed twice", () => {
    expect(file.shape).toBe("plain");
    expect(file.entries.map((e) => [e.line, e.email, e.name, e.section, e.ids.sisUserId])).toEqual([
      [2, "ada@synack.test", "Lovelace, Ada", "A", "S001"],
      [3, "new.person@synack.test", "=cmd|'/c calc'!A1", "B", "S020"],
    ]);
    expect(refusals(file)).toEqual([
      { line: 4, email: "not-an-email", reason: "“not-an-email” is not an email address." },
      { line: 5, email: "ada@synack.test", reason: "The same address is on line 2." },
    ]);
  });

  it("reads semicolons or tabs as Excel may write them, and CR-only line ends", () => {
    for (const text of [
      "email;name;section\r\nx@y.test;X;A\r\n",
      "email\tname\tsection\nx@y.test\tX\tA\n",
      "email,name,section\rx@y.test,X,A\r",
    ])
      expect(read(text).entries).toEqual([{ line: 2, email: "x@y.test", name: "X", section: "A", ids: {} }]);
  });

  it("counts lines across a quoted line break and blank lines, and refuses a row of the wrong width", () => {
    const file = read('email,name\n\n"a@x.test","two\nlines"\nb@x.test,B,extra\n');
    expect(file.entries.map((e) => e.line)).toEqual([3]);
    expect(refusals(file)).toEqual([{ line: 5, email: "b@x.test", reason: "3 cells where the header has 2." }]);
  });

  it("treats an empty cell as saying nothing", () => {
    expect(read("email,name,section,sis_id\nx@y.test,,,\n").entries[0]).toEqual({
      line: 2,
      email: "x@y.test",
      name: null,
      section: null,
      ids: {},
    });
  });

  it("refuses over-long and control-character cells with the field named", () => {
    const file = read(`email,section,sis_id\na@x.test,${"s".repeat(41)},1\nb@x.test,A,"x\ty"\n`);
    expect(refusals(file).map((r) => r.reason)).toEqual([
      "Section is longer than 40 characters.",
      "SIS user id holds a control character.",
    ]);
  });
});

describe("files that cannot be read", () => {
  const problem = (text: string) => {
    const result = readRosterFile(text);
    if (result.ok) throw new Error("read");
    return { line: result.problem.line, text: en(result.problem.message) };
  };

  it("says an empty file is empty, and an unknown header is unknown", () => {
    expect(problem("\uFEFF\r\n").text).toBe("The file is empty.");
    expect(problem("Name,Mail\nAda,ada@x.test\n")).toEqual({
      line: 1,
      text: "The first row is not a header the import knows. Use one of the files listed above, with its header row unchanged.",
    });
    // Canvas reads a BOM before "Student"; so does the import.
    expect(readRosterFile("\uFEFFStudent,ID,SIS Login ID,Section\n").ok).toBe(true);
  });

  it("names the line of a broken quote", () => {
    expect(problem('email,name\na@x.test,"Ada\nb@x.test,B\n').line).toBe(2);
    expect(problem('email,name\na@x.test,Ad"a"\n').text).toMatch(/^Line 2: /);
  });

  it("refuses more rows than the limit, before reading them", () => {
    const rows = Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `p${i}@x.test`).join("\n");
    expect(problem(`email\n${rows}\n`).text).toBe(
      `A file may list at most ${MAX_ROSTER_ROWS.toLocaleString("en")} students. Split it and import each part.`,
    );
  });
});
