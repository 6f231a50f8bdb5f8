// Which state changes are accepted: only those sent by a page of the app (lib/server/origin.ts).
import { describe, expect, it } from "vitest";
import { textIn } from "@/lib/i18n/translate";
import { foreignOriginError, notJsonError } from "@/lib/server/origin";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("foreignOriginError", () => {
  it("accepts an Origin naming the host the request was sent to (APP_URL unset)", () => {
    expect(foreignOriginError(h({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), undefined)).toBeNull();
  });
  it("accepts Sec-Fetch-Site: same-origin when there is no Origin", () => {
    expect(foreignOriginError(h({ "sec-fetch-site": "same-origin", host: "x:1" }), undefined)).toBeNull();
  });
  const refused: [string, Record<string, string>, string | undefined][] = [
    ["a sibling port", { origin: "http://127.0.0.1:3001", host: "127.0.0.1:3000" }, undefined],
    ["a sibling subdomain", { origin: "https://evil.lab.example.edu", host: "lab.example.edu" }, undefined],
    ["an opaque origin (sandboxed frame, data: URL)", { origin: "null", host: "127.0.0.1:3000" }, undefined],
    ["a malformed Origin", { origin: "::::", host: "127.0.0.1:3000" }, undefined],
    ["no Origin and a same-site fetch", { "sec-fetch-site": "same-site", host: "127.0.0.1:3000" }, undefined],
    ["no Origin and no Sec-Fetch-Site", { host: "127.0.0.1:3000" }, undefined],
    [
      "an Origin other than APP_URL's, even if it matches Host",
      { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" },
      "https://lab.example.edu",
    ],
    ["http when APP_URL is https", { origin: "http://lab.example.edu", host: "lab.example.edu" }, "https://lab.example.edu"],
  ];
  for (const [what, headers, appUrl] of refused) {
    it(`refuses ${what} with a 403 that says why`, () => {
      const error = foreignOriginError(h(headers), appUrl);
      expect(error?.status).toBe(403);
      expect(textIn("en")(error?.text)).toMatch(/^Refused: /);
      expect(textIn("zh-CN")(error?.text)).toMatch(/^已拒绝：/);
    });
  }
  it("accepts APP_URL's origin", () => {
    expect(foreignOriginError(h({ origin: "https://lab.example.edu", host: "10.0.0.5:3000" }), "https://lab.example.edu/")).toBeNull();
  });
});

describe("notJsonError", () => {
  it("accepts application/json, with parameters and in any case", () => {
    expect(notJsonError(h({ "content-type": "application/json" }))).toBeNull();
    expect(notJsonError(h({ "content-type": "Application/JSON; charset=utf-8" }))).toBeNull();
  });
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", ""]) {
    it(`refuses ${type || "no content type"} with a 415`, () => {
      const headers = type ? h({ "content-type": type }) : h({});
      expect(notJsonError(headers)?.status).toBe(415);
    });
  }
});
