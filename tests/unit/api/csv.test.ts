// CSV downloads (lib/api/csv.ts): RFC 4180 quoting, CRLF lines, and cells a spreadsheet would
// run as formulas made plain text.
import { describe, expect, it } from "vitest";
import { csvLines, csvResponse, fileName, fileNameWith, rawCell, safeCell, toCsv } from "../../../lib/api/csv";

type Row = { name: string; score: number | null };
const columns = [
  { header: "Student", value: (r: Row) => r.name },
  { header: "Score", value: (r: Row) => r.score },
];

describe("toCsv", () => {
  it("writes a header line and one CRLF-ended line per row, quoting commas, quotes and line breaks (RFC 4180 §2)", () => {
    const text = toCsv<Row>(
      [
        { name: "Okafor, Ada", score: 2.5 },
        { name: 'Ben "B" Li', score: null },
        { name: "two\nlines", score: 0 },
      ],
      columns,
    );
    expect(text).toBe('Student,Score\r\n"Okafor, Ada",2.5\r\n"Ben ""B"" Li",\r\n"two\nlines",0\r\n');
  });

  it("makes text that starts like a formula plain, and leaves numbers (negative ones too) as numbers", () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(safeCell(`${start}1`)).toBe(`'${start}1`);
    expect(safeCell(-1.5)).toBe(-1.5);
    expect(safeCell(Number.NaN)).toBe("");
    expect(safeCell("TIME_WAIT")).toBe("TIME_WAIT");
    expect(toCsv([{ name: "=1+1", score: -2 }], columns)).toBe("Student,Score\r\n'=1+1,-2\r\n");
  });

  it("starts with a byte order mark only when asked", () => {
    expect(toCsv([], columns, { bom: true })).toBe("\uFEFFStudent,Score\r\n");
    expect(toCsv([], columns).startsWith("\uFEFF")).toBe(false);
  });
});

describe("csvLines", () => {
  it("writes a raw cell as it is, with no formula guard, and guards every other text", () => {
    expect(csvLines([["=1+1", rawCell("-5"), rawCell("a,b")]])).toBe('\'=1+1,-5,"a,b"\r\n');
  });

  it("quotes every field, empty ones too, when asked, and writes tab-delimited lines", () => {
    expect(csvLines([["a", "", 1]], { quoteAll: true })).toBe('"a","","1"\r\n');
    expect(csvLines([["a b", "c,d", 'e"f']], { delimiter: "\t" })).toBe('a b\tc,d\t"e""f"\r\n');
    expect(fileNameWith("txt", ["NET 101", "grades"])).toBe("NET-101-grades.txt");
  });
});

describe("csvResponse and fileName", () => {
  it("answers an attachment in UTF-8 with a file name safe in the header", async () => {
    const name = fileName("NET 101", "items", "Exam: 1 «final»", "2026-12-01");
    expect(name).toBe("NET-101-items-Exam-1-final-2026-12-01.csv");
    const response = csvResponse([{ name: "Zoë 张", score: 1 }], columns, name);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${name}"`);
    expect(await response.text()).toBe("Student,Score\r\nZoë 张,1\r\n");
  });
});
