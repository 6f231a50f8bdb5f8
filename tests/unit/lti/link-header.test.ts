// The Link header as paged LTI services send it (RFC 8288): the next page must be found in
// every shape platforms use, or a sync silently reads only the first page.
import { describe, expect, it } from "vitest";
import { linkWithRel, parseLinkHeader } from "@/lib/lti/link-header";

const BASE = "https://lms.test/api/lti/courses/1/names_and_roles";

describe("parseLinkHeader", () => {
  it("reads Canvas's header: several links, quoted rels", () => {
    const header =
      '<https://lms.test/api/lti/courses/1/names_and_roles?page=1&per_page=50>; rel="current",' +
      '<https://lms.test/api/lti/courses/1/names_and_roles?page=2&per_page=50>; rel="next",' +
      '<https://lms.test/api/lti/courses/1/names_and_roles?page=1&per_page=50>; rel="first",' +
      '<https://lms.test/api/lti/courses/1/names_and_roles?page=3&per_page=50>; rel="last"';
    expect(parseLinkHeader(header).map((l) => l.rels[0])).toEqual(["current", "next", "first", "last"]);
    expect(linkWithRel(header, "next")).toBe("https://lms.test/api/lti/courses/1/names_and_roles?page=2&per_page=50");
  });

  it("keeps an absolute URL exactly as sent (Moodle's own limit and from parameters)", () => {
    const next = "https://moodle.test/mod/lti/services.php/CourseSection/2/bindings/3/memberships?limit=50&from=50";
    expect(linkWithRel(`<${next}>; rel="next"`, "next", BASE)).toBe(next);
    const odd = "https://lms.test/m?cursor=a%2Fb&x=1,2;3";
    expect(linkWithRel(`<${odd}>;rel=next`, "next", BASE)).toBe(odd);
  });

  it("finds next among several relations in one rel, in any case, with other parameters around", () => {
    const header = '<https://lms.test/p2>; title="Page, two; of three"; REL="Next Last", <https://lms.test/d>; rel="differences"';
    expect(linkWithRel(header, "next")).toBe("https://lms.test/p2");
    expect(linkWithRel(header, "last")).toBe("https://lms.test/p2");
    expect(linkWithRel(header, "differences")).toBe("https://lms.test/d");
  });

  it("resolves a relative target against the page it came with", () => {
    expect(linkWithRel('</api/members?page=2>; rel="next"', "next", BASE)).toBe("https://lms.test/api/members?page=2");
  });

  it("has no next when the header is absent, empty, names other relations or is garbage", () => {
    expect(linkWithRel(null, "next")).toBeNull();
    expect(linkWithRel("", "next")).toBeNull();
    expect(linkWithRel('<https://lms.test/p1>; rel="prev"', "next")).toBeNull();
    expect(linkWithRel("next, ; rel=next, <unterminated; rel=next", "next")).toBeNull();
    // A quoted rel that only contains "next" as part of a word is not next.
    expect(linkWithRel('<https://lms.test/x>; rel="nextish"', "next")).toBeNull();
  });

  it("counts the first rel parameter of a link, as RFC 8288 says", () => {
    expect(linkWithRel('<https://lms.test/a>; rel="prev"; rel="next"', "next")).toBeNull();
  });

  it("reads escaped quotes inside a quoted value", () => {
    const links = parseLinkHeader('<https://lms.test/a>; title="say \\"hi\\""; rel="next"');
    expect(links).toEqual([{ url: "https://lms.test/a", rels: ["next"] }]);
  });
});
