// What registration checks and sends without I/O: platform details from a form or a file
// (addresses https, or http to this machine only in development; lengths bounded), the
// tool's configuration and Canvas's developer-key JSON, and the Dynamic Registration
// documents (the platform configuration's issuer on its own origin, the client registration).
import { describe, expect, it } from "vitest";
import {
  acceptableUrl,
  canvasDeveloperKey,
  clientRegistration,
  configurationProblem,
  deploymentList,
  platformConfigurationSchema,
  platformSchema,
  productOf,
  registrationResponseSchema,
  TOOL_CONFIGURATION_CLAIM,
} from "@/lib/lti/registration-config";
import { MESSAGE_TYPE, SCOPE } from "@/lib/lti/vocabulary";

const ORIGIN = "https://synack.example.edu";
const moodle = {
  name: "Moodle",
  product: "moodle",
  issuer: "https://moodle.example.edu",
  clientId: "abc123",
  authUrl: "https://moodle.example.edu/mod/lti/auth.php",
  tokenUrl: "https://moodle.example.edu/mod/lti/token.php",
  jwksUrl: "https://moodle.example.edu/mod/lti/certs.php",
  deploymentIds: ["1"],
};

describe("platform addresses", () => {
  it("accept https everywhere, and http only to this machine when allowed", () => {
    expect(acceptableUrl("https://lms.example.com/auth", false)).toBe(true);
    expect(acceptableUrl("http://lms.example.com/auth", true)).toBe(false);
    expect(acceptableUrl("http://localhost:8080/auth", true)).toBe(true);
    expect(acceptableUrl("http://127.0.0.1:8080/auth", true)).toBe(true);
    expect(acceptableUrl("http://127.0.0.1:8080/auth", false)).toBe(false);
    expect(acceptableUrl("https://user:secret@lms.example.com/", false)).toBe(false);
    expect(acceptableUrl("javascript:alert(1)", true)).toBe(false);
    expect(acceptableUrl("not a url", true)).toBe(false);
  });
});

describe("a platform from a form or a file", () => {
  const schema = platformSchema(false);

  it("is read with its deployments, trimmed", () => {
    const parsed = schema.parse({ ...moodle, clientId: "  abc123 " });
    expect(parsed.clientId).toBe("abc123");
    expect(parsed.deploymentIds).toEqual(["1"]);
  });

  it("names each field that is wrong, with the rule's message", () => {
    const result = schema.safeParse({ ...moodle, authUrl: "http://moodle.example.edu/auth", clientId: "x".repeat(256), name: "" });
    const byField = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(byField).toEqual({
      authUrl: "ltiAdmin.errors.url",
      clientId: "ltiAdmin.errors.tooLong",
      name: "ltiAdmin.errors.required",
    });
  });

  it("refuses fields it does not know and too many deployments", () => {
    expect(schema.safeParse({ ...moodle, secret: "x" }).success).toBe(false);
    expect(schema.safeParse({ ...moodle, deploymentIds: Array.from({ length: 51 }, (_, i) => String(i)) }).success).toBe(false);
  });

  it("reads a typed deployment list one per line or comma-separated, once each", () => {
    expect(deploymentList(" 1\n2, 3\n\n1 ")).toEqual(["1", "2", "3"]);
  });
});

describe("Canvas's developer key JSON", () => {
  it("names the tool's addresses, scopes and deep-linking placements", () => {
    const key = canvasDeveloperKey(ORIGIN);
    expect(key).toMatchObject({
      title: "SynAck Lab",
      oidc_initiation_url: `${ORIGIN}/api/lti/login`,
      target_link_uri: `${ORIGIN}/api/lti/launch`,
      public_jwk_url: `${ORIGIN}/api/lti/jwks`,
    });
    expect(key.scopes).toEqual(expect.arrayContaining([SCOPE.score, SCOPE.lineItem, SCOPE.memberships]));
    const [extension] = key.extensions;
    expect(extension.domain).toBe("synack.example.edu");
    expect(extension.platform).toBe("canvas.instructure.com");
    expect(extension.settings.placements.map((p) => [p.placement, p.message_type])).toEqual([
      ["link_selection", MESSAGE_TYPE.deepLinkingRequest],
      ["assignment_selection", MESSAGE_TYPE.deepLinkingRequest],
    ]);
    // What Canvas pastes must be JSON as it is.
    expect(JSON.parse(JSON.stringify(key))).toEqual(key);
  });
});

describe("Dynamic Registration", () => {
  const configuration = {
    issuer: "https://moodle.example.edu",
    authorization_endpoint: "https://moodle.example.edu/mod/lti/auth.php",
    token_endpoint: "https://moodle.example.edu/mod/lti/token.php",
    jwks_uri: "https://moodle.example.edu/mod/lti/certs.php",
    registration_endpoint: "https://moodle.example.edu/mod/lti/openid-registration.php",
    scopes_supported: ["openid", SCOPE.score, SCOPE.lineItem],
    "https://purl.imsglobal.org/spec/lti-platform-configuration": { product_family_code: "moodle" },
  };
  const configUrl = "https://moodle.example.edu/mod/lti/openid-configuration.php";

  it("takes a configuration whose issuer is on the origin it was read from", () => {
    const config = platformConfigurationSchema(false).parse(configuration);
    expect(configurationProblem(config, configUrl)).toBeNull();
    expect(productOf(config)).toBe("moodle");
  });

  it("refuses a configuration naming another site's issuer", () => {
    const config = platformConfigurationSchema(false).parse({ ...configuration, issuer: "https://evil.example.com" });
    expect(configurationProblem(config, configUrl)).toBe("issuerMismatch");
  });

  it("refuses a configuration without a registration endpoint or with an http one", () => {
    const { registration_endpoint: _omitted, ...without } = configuration;
    expect(platformConfigurationSchema(false).safeParse(without).success).toBe(false);
    expect(
      platformConfigurationSchema(false).safeParse({ ...configuration, registration_endpoint: "http://moodle.example.edu/r" }).success,
    ).toBe(false);
  });

  it("knows the products by their family codes", () => {
    const withCode = (code: string) =>
      productOf(
        platformConfigurationSchema(false).parse({
          ...configuration,
          "https://purl.imsglobal.org/spec/lti-platform-configuration": { product_family_code: code },
        }),
      );
    expect(["canvas", "moodle", "BlackboardLearn", "desire2learn", "sakai"].map(withCode)).toEqual([
      "canvas",
      "moodle",
      "blackboard",
      "brightspace",
      "other",
    ]);
  });

  it("registers a web client with id_token, implicit and client credentials, a private-key JWT and the offered scopes", () => {
    const config = platformConfigurationSchema(false).parse(configuration);
    const body = clientRegistration(ORIGIN, config);
    expect(body).toMatchObject({
      application_type: "web",
      response_types: ["id_token"],
      grant_types: ["implicit", "client_credentials"],
      initiate_login_uri: `${ORIGIN}/api/lti/login`,
      redirect_uris: [`${ORIGIN}/api/lti/launch`],
      jwks_uri: `${ORIGIN}/api/lti/jwks`,
      token_endpoint_auth_method: "private_key_jwt",
    });
    // Only what the platform offers: it refuses a registration asking for more.
    expect(body.scope.split(" ")).toEqual([SCOPE.lineItem, SCOPE.score]);
    const tool = body[TOOL_CONFIGURATION_CLAIM];
    expect(tool.domain).toBe("synack.example.edu");
    expect(tool.target_link_uri).toBe(`${ORIGIN}/api/lti/launch`);
    expect(tool.claims).toEqual(expect.arrayContaining(["iss", "sub", "name", "email"]));
    expect(tool.messages).toEqual([
      expect.objectContaining({ type: MESSAGE_TYPE.deepLinkingRequest, target_link_uri: `${ORIGIN}/api/lti/launch` }),
    ]);
  });

  it("asks for every scope when the platform does not list them", () => {
    const { scopes_supported: _omitted, ...rest } = configuration;
    const body = clientRegistration(ORIGIN, platformConfigurationSchema(false).parse(rest));
    expect(body.scope.split(" ")).toHaveLength(5);
  });

  it("reads the client id and the deployment from the platform's answer", () => {
    const answer = registrationResponseSchema.parse({ client_id: "c-1", [TOOL_CONFIGURATION_CLAIM]: { deployment_id: "d-9" } });
    expect(answer.client_id).toBe("c-1");
    expect(answer[TOOL_CONFIGURATION_CLAIM]?.deployment_id).toBe("d-9");
    expect(registrationResponseSchema.safeParse({ [TOOL_CONFIGURATION_CLAIM]: {} }).success).toBe(false);
  });
});
