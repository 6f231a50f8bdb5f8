// Deep Linking 2.0's pure parts: the deep_linking_settings claim read (Deep Linking 2.0 §4.4.1),
// the content item for a quiz, the response's claims (§4.5), the quiz a launch's custom claim
// names, and the documents the answer route writes with their policy.
import { describe, expect, it } from "vitest";
import { autoPostHtml, refusalHtml } from "@/lib/lti/auto-post";
import {
  acceptsResourceLinks,
  deepLinkingResponseClaims,
  parseDeepLinkingSettings,
  quizIdFromCustom,
  resourceLinkItem,
} from "@/lib/lti/deep-linking";
import { documentCsp } from "@/lib/server/security-headers";

const canvasLike = {
  deep_link_return_url: "https://canvas.example.edu/courses/1/deep_linking_response?modal=true",
  accept_types: ["ltiResourceLink"],
  accept_presentation_document_targets: ["iframe", "window"],
  accept_media_types: "application/vnd.ims.lti.v1.ltilink",
  accept_multiple: false,
  accept_lineitem: true,
  auto_create: true,
  data: "opaque-<&>-state",
};

describe("parseDeepLinkingSettings", () => {
  it("reads a platform's claim, keeping data exactly", () => {
    const r = parseDeepLinkingSettings(JSON.stringify(canvasLike));
    expect(r).toEqual({ ok: true, settings: canvasLike });
  });
  it("takes http return URLs only on this machine (a platform under test)", () => {
    for (const url of ["http://localhost:8080/return", "http://127.0.0.1:4000/dl"])
      expect(parseDeepLinkingSettings(JSON.stringify({ ...canvasLike, deep_link_return_url: url })).ok).toBe(true);
    for (const url of ["http://lms.example.edu/return", "javascript:alert(1)", "not a url", ""]) {
      const r = parseDeepLinkingSettings(JSON.stringify({ ...canvasLike, deep_link_return_url: url }));
      expect(r).toMatchObject({ ok: false, problem: expect.stringMatching(/^deep_link_return_url: /) });
    }
  });
  it("says what is missing or malformed", () => {
    const { deep_link_return_url: _u, ...noUrl } = canvasLike;
    expect(parseDeepLinkingSettings(JSON.stringify(noUrl))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^deep_link_return_url/),
    });
    const { accept_types: _t, ...noTypes } = canvasLike;
    expect(parseDeepLinkingSettings(JSON.stringify(noTypes))).toMatchObject({ ok: false, problem: expect.stringMatching(/^accept_types/) });
    expect(parseDeepLinkingSettings(JSON.stringify({ ...canvasLike, data: { not: "a string" } })).ok).toBe(false);
    expect(parseDeepLinkingSettings("{")).toEqual({ ok: false, problem: "the deep_linking_settings claim is not JSON" });
  });
  it("knows whether the platform takes resource links", () => {
    const take = (types: string[]) => acceptsResourceLinks({ ...canvasLike, accept_types: types });
    expect(take(["link", "ltiResourceLink"])).toBe(true);
    expect(take(["file", "html", "image"])).toBe(false);
    expect(take([])).toBe(false);
  });
});

describe("resourceLinkItem", () => {
  const launch = "https://synack.example/api/lti/launch";
  it("names the quiz in custom, the launch URL exactly, and a line item of the quiz's points", () => {
    expect(resourceLinkItem({ id: "q1", title: "Handshake", points: 12.5 }, launch, { accept_lineitem: true }, "12.5 points")).toEqual({
      type: "ltiResourceLink",
      title: "Handshake",
      text: "12.5 points",
      url: "https://synack.example/api/lti/launch",
      custom: { synack_quiz: "q1" },
      lineItem: { scoreMaximum: 12.5, label: "Handshake", resourceId: "q1" },
    });
  });
  it("asks for no line item when the platform takes none, or the quiz has no points yet", () => {
    expect(resourceLinkItem({ id: "q1", title: "T", points: 10 }, launch, { accept_lineitem: false })).not.toHaveProperty("lineItem");
    expect(resourceLinkItem({ id: "q1", title: "T", points: 0 }, launch, {})).not.toHaveProperty("lineItem");
    expect(resourceLinkItem({ id: "q1", title: "T", points: 3 }, launch, {}).lineItem?.scoreMaximum).toBe(3);
  });
});

describe("deepLinkingResponseClaims", () => {
  const base = { clientId: "client-9", issuer: "https://canvas.instructure.com", deploymentId: "dep-1", nonce: "n-123", items: [] };
  it("is issued by the client id to the platform, as a deep-linking response of LTI 1.3.0", () => {
    expect(deepLinkingResponseClaims({ ...base, settings: {} })).toEqual({
      iss: "client-9",
      aud: "https://canvas.instructure.com",
      nonce: "n-123",
      "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "dep-1",
      "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiDeepLinkingResponse",
      "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
      "https://purl.imsglobal.org/spec/lti-dl/claim/content_items": [],
    });
  });
  it("echoes data verbatim and carries the messages given", () => {
    const claims = deepLinkingResponseClaims({ ...base, settings: { data: "  {x}  " }, message: "m", errorMessage: "e" });
    expect(claims["https://purl.imsglobal.org/spec/lti-dl/claim/data"]).toBe("  {x}  ");
    expect(claims["https://purl.imsglobal.org/spec/lti-dl/claim/msg"]).toBe("m");
    expect(claims["https://purl.imsglobal.org/spec/lti-dl/claim/errormsg"]).toBe("e");
  });
});

describe("quizIdFromCustom", () => {
  it("reads synack_quiz from the custom claim", () => {
    expect(quizIdFromCustom({ synack_quiz: "cmb1x2y3z0000abcd" })).toBe("cmb1x2y3z0000abcd");
    expect(quizIdFromCustom({ synack_quiz: " 0d9e-uuid_like " })).toBe("0d9e-uuid_like");
  });
  it("is null for anything else", () => {
    for (const custom of [
      undefined,
      null,
      "synack_quiz",
      [],
      {},
      { synack_quiz: 12 },
      { synack_quiz: "" },
      { synack_quiz: "a b" },
      { synack_quiz: "x".repeat(101) },
    ])
      expect(quizIdFromCustom(custom)).toBeNull();
  });
});

describe("the answer documents", () => {
  it("posts only the JWT field to the return URL, escaped, by a script that carries the nonce", () => {
    const html = autoPostHtml({
      action: 'https://lms.example/return?a=1&b="2"',
      jwt: "aaa.bbb.ccc",
      nonce: "N0nce",
      lang: "en",
      words: { title: "Returning", sending: "Sending <now>", continue: "Continue" },
    });
    expect(html).toContain('action="https://lms.example/return?a=1&amp;b=&quot;2&quot;"');
    expect([...html.matchAll(/<input [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(["JWT"]);
    expect(html).toContain('<input type="hidden" name="JWT" value="aaa.bbb.ccc">');
    expect(html).toContain('<script nonce="N0nce">');
    expect(html).toContain("Sending &lt;now&gt;");
    expect(html).toContain('<button type="submit">Continue</button>'); // without script, a person sends it
  });
  it("says a refusal with a way back and no form", () => {
    const html = refusalHtml({
      nonce: "n",
      lang: "zh-CN",
      title: "没有发送",
      message: "<b>x</b>",
      back: { href: "/lti/deep-link/a", label: "返回" },
    });
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).not.toContain("<form");
  });
  it("has a policy letting its form go to the platform's origin only", () => {
    const csp = documentCsp({ nonce: "N", formAction: "https://lms.example", frameAncestors: ["https://lms.example"] });
    const directives = new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.slice(d.indexOf(" ") + 1)]));
    expect(directives.get("form-action")).toBe("https://lms.example");
    expect(directives.get("script-src")).toBe("'nonce-N'");
    expect(directives.get("default-src")).toBe("'none'");
    expect(directives.get("frame-ancestors")).toBe("https://lms.example");
  });
});
