// The launch's claim rules on their own: audiences and azp, the clock with its leeway, the
// version and message type, and the claims each message type requires (the certification's
// negative cases), with the empty, short and unknown roles it requires a tool to accept.
import { describe, expect, it } from "vitest";
import { audienceRefusal, CLOCK_LEEWAY_SEC, launchClaims, MAX_TOKEN_AGE_SEC, ownTarget, timeRefusal } from "@/lib/lti/launch-claims";
import { LaunchRefusal } from "@/lib/lti/launch-refusal";
import { CLAIM, LTI_VERSION, MESSAGE_TYPE } from "@/lib/lti/vocabulary";

const now = new Date("2026-03-01T10:00:00Z");
const sec = now.getTime() / 1000;

function resourceLink(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: "u1",
    nonce: "n1",
    [CLAIM.messageType]: MESSAGE_TYPE.resourceLink,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.deploymentId]: "d1",
    [CLAIM.targetLinkUri]: "https://tool.test/api/lti/launch",
    [CLAIM.resourceLink]: { id: "rl1" },
    [CLAIM.roles]: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
    ...overrides,
  };
}

function refusalOf(fn: () => unknown): LaunchRefusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof LaunchRefusal) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("audienceRefusal", () => {
  it("accepts the client id as a string or among an array with azp naming it", () => {
    expect(audienceRefusal("c1", undefined, "c1")).toBeNull();
    expect(audienceRefusal(["c1"], undefined, "c1")).toBeNull();
    expect(audienceRefusal(["c1", "other"], "c1", "c1")).toBeNull();
  });
  it("refuses another audience, several audiences without azp, and an azp of someone else", () => {
    expect(audienceRefusal("other", undefined, "c1")?.code).toBe("wrongAudience");
    expect(audienceRefusal(["c1", "other"], undefined, "c1")?.code).toBe("badAzp");
    expect(audienceRefusal("c1", "other", "c1")?.code).toBe("badAzp");
    expect(audienceRefusal(undefined, undefined, "c1")?.code).toBe("wrongAudience");
  });
});

describe("timeRefusal", () => {
  it("allows the leeway either way", () => {
    expect(timeRefusal(sec + CLOCK_LEEWAY_SEC - 1, sec + 300, now)).toBeNull();
    expect(timeRefusal(sec - 300, sec - CLOCK_LEEWAY_SEC + 1, now)).toBeNull();
  });
  it("says expired, from the future, or too old — with both clocks in the message", () => {
    const expired = timeRefusal(sec - 600, sec - CLOCK_LEEWAY_SEC, now)!;
    expect(expired.code).toBe("expired");
    expect(expired.status).toBe(401);
    expect(expired.facts.now).toBe("2026-03-01T10:00:00.000Z");
    expect(timeRefusal(sec + CLOCK_LEEWAY_SEC + 1, sec + 600, now)?.code).toBe("issuedInFuture");
    expect(timeRefusal(sec - MAX_TOKEN_AGE_SEC - CLOCK_LEEWAY_SEC - 1, sec + 600, now)?.code).toBe("tooOld");
    expect(timeRefusal(undefined, sec + 60, now)?.code).toBe("missingClaims");
  });
});

describe("launchClaims", () => {
  it("reads a resource link launch, its name from given and family names, its email normalized", () => {
    const claims = launchClaims(resourceLink({ given_name: "Ada", family_name: "Lovelace", email: " Ada@Example.EDU " }));
    expect(claims.messageType).toBe(MESSAGE_TYPE.resourceLink);
    expect(claims.resourceLink?.id).toBe("rl1");
    expect(claims.name).toBe("Ada Lovelace");
    expect(claims.email).toBe("ada@example.edu");
    expect(claims.context).toBeNull();
  });

  it("accepts no role, a short role and an unknown role", () => {
    expect(launchClaims(resourceLink({ [CLAIM.roles]: [] })).roles).toEqual([]);
    expect(launchClaims(resourceLink({ [CLAIM.roles]: ["Instructor"] })).roles).toEqual(["Instructor"]);
    expect(launchClaims(resourceLink({ [CLAIM.roles]: ["http://example.test/unknown"] })).roles).toHaveLength(1);
  });

  it("takes a launch without PII: no name, no email", () => {
    const claims = launchClaims(resourceLink());
    expect(claims.name).toBeNull();
    expect(claims.email).toBeNull();
  });

  it.each([
    ["version other than 1.3.0", { [CLAIM.version]: "1.2.0" }, "badVersion"],
    ["no version", { [CLAIM.version]: undefined }, "badVersion"],
    ["no message type", { [CLAIM.messageType]: undefined }, "unknownMessageType"],
    ["an unknown message type", { [CLAIM.messageType]: "LtiSubmissionReviewRequest" }, "unknownMessageType"],
    ["no message type nor version", { [CLAIM.messageType]: undefined, [CLAIM.version]: undefined }, "missingClaims"],
    ["no roles", { [CLAIM.roles]: undefined }, "missingClaims"],
    ["no deployment id", { [CLAIM.deploymentId]: undefined }, "missingClaims"],
    ["no resource link id", { [CLAIM.resourceLink]: { title: "x" } }, "missingClaims"],
    ["no sub", { sub: undefined }, "missingClaims"],
  ])("refuses %s", (_name, overrides, code) => {
    const refusal = refusalOf(() => launchClaims(resourceLink(overrides)));
    expect(refusal.code).toBe(code);
    expect(refusal.status).toBe(400);
  });

  it("names the missing claims", () => {
    expect(refusalOf(() => launchClaims(resourceLink({ sub: undefined, [CLAIM.roles]: undefined }))).facts.claims).toBe(
      `sub, ${CLAIM.roles}`,
    );
  });

  it("requires deep_linking_settings, and no resource link, for a deep-linking request", () => {
    const request = resourceLink({ [CLAIM.messageType]: MESSAGE_TYPE.deepLinkingRequest, [CLAIM.resourceLink]: undefined });
    expect(refusalOf(() => launchClaims(request)).facts.claims).toBe(CLAIM.deepLinkingSettings);
    const settings = {
      deep_link_return_url: "https://lms.test/dl",
      accept_types: ["ltiResourceLink"],
      accept_presentation_document_targets: ["iframe"],
      data: "opaque",
    };
    const claims = launchClaims({ ...request, [CLAIM.deepLinkingSettings]: settings });
    expect(claims.deepLinkingSettings).toEqual(settings);
    expect(claims.resourceLink).toBeNull();
  });
});

describe("ownTarget", () => {
  it("accepts addresses under the tool's origin only", () => {
    expect(ownTarget("https://tool.test/api/lti/launch", "https://tool.test")).toBe(true);
    expect(ownTarget("https://tool.test.evil/api/lti/launch", "https://tool.test")).toBe(false);
    expect(ownTarget("not a url", "https://tool.test")).toBe(false);
  });
});
