// The LTI 1.3 / LTI Advantage names this tool reads and writes, one definition each: claim
// URIs (LTI Core 1.3 §5), service scopes and media types (AGS 2.0, NRPS 2.0), and the message
// types (LTI Core §5.1, Deep Linking 2.0 §4).

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
const AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/";
const NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/";

export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  toolPlatform: `${LTI}tool_platform`,
  launchPresentation: `${LTI}launch_presentation`,
  custom: `${LTI}custom`,
  lis: `${LTI}lis`,
  deepLinkingSettings: `${DL}deep_linking_settings`,
  contentItems: `${DL}content_items`,
  data: `${DL}data`,
  dlMessage: `${DL}msg`,
  dlErrorMessage: `${DL}errormsg`,
  agsEndpoint: `${AGS}endpoint`,
  nrpsService: `${NRPS}namesroleservice`,
} as const;

export const LTI_VERSION = "1.3.0";

export const MESSAGE_TYPE = {
  resourceLink: "LtiResourceLinkRequest",
  deepLinkingRequest: "LtiDeepLinkingRequest",
  deepLinkingResponse: "LtiDeepLinkingResponse",
} as const;

export const SCOPE = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  resultReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  memberships: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
} as const;

export const MEDIA_TYPE = {
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  lineItemContainer: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  score: "application/vnd.ims.lis.v1.score+json",
  resultContainer: "application/vnd.ims.lis.v2.resultcontainer+json",
  memberships: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
} as const;

/** The tool's own addresses, under the app's origin; what an admin pastes into an LMS. */
export function toolUrls(origin: string) {
  return {
    login: `${origin}/api/lti/login`,
    launch: `${origin}/api/lti/launch`,
    jwks: `${origin}/api/lti/jwks`,
    deepLinking: `${origin}/api/lti/launch`,
    registration: `${origin}/api/lti/register`,
  };
}
