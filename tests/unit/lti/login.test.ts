// The login initiation's pure parts: which parameters are required, which registration an
// issuer with several client ids means, and the cookie name and carried login of a state.
import { describe, expect, it } from "vitest";
import { LaunchRefusal } from "@/lib/lti/launch-refusal";
import { choosePlatform, loginOfState, readLoginParams, stateCookieName } from "@/lib/lti/login";
import type { PlatformRow } from "@/lib/lti/platform-queries";

const row = (clientId: string) => ({ id: clientId, issuer: "https://canvas.instructure.com", clientId }) as PlatformRow;
const base = { iss: "https://canvas.instructure.com", login_hint: "h", target_link_uri: "https://tool.test/api/lti/launch" };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof LaunchRefusal) return error.code;
    throw error;
  }
  return "accepted";
}

describe("readLoginParams", () => {
  it("names every missing required parameter", () => {
    try {
      readLoginParams(new URLSearchParams({ iss: "x", login_hint: " " }));
      throw new Error("accepted");
    } catch (error) {
      expect((error as LaunchRefusal).code).toBe("loginIncomplete");
      expect((error as LaunchRefusal).facts.params).toBe("login_hint, target_link_uri");
    }
  });
  it("keeps the optional ones when given", () => {
    const params = readLoginParams(new URLSearchParams({ ...base, lti_message_hint: "m", client_id: "c" }));
    expect(params).toEqual({ ...base, lti_message_hint: "m", client_id: "c" });
  });
});

describe("choosePlatform", () => {
  it("takes the client_id's registration, or the issuer's only one", () => {
    expect(choosePlatform([row("a"), row("b")], { ...base, client_id: "b" }).clientId).toBe("b");
    expect(choosePlatform([row("a")], base).clientId).toBe("a");
  });
  it("refuses an unknown client id, an unknown issuer, and a choice it cannot make", () => {
    expect(codeOf(() => choosePlatform([row("a")], { ...base, client_id: "z" }))).toBe("unknownPlatform");
    expect(codeOf(() => choosePlatform([], base))).toBe("unknownPlatform");
    expect(codeOf(() => choosePlatform([row("a"), row("b")], base))).toBe("loginAmbiguous");
  });
});

describe("states", () => {
  it("name a cookie each, and carry the login they started", () => {
    const carried = Buffer.from(JSON.stringify(base)).toString("base64url");
    expect(stateCookieName(`r1.${carried}`)).not.toBe(stateCookieName(`r2.${carried}`));
    expect(stateCookieName("x")).toMatch(/^lti-state-[0-9a-f]{16}$/);
    expect(loginOfState(`r1.${carried}`)).toEqual(base);
    expect(loginOfState("r1")).toBeNull();
    expect(loginOfState("r1.!!")).toBeNull();
  });
});
