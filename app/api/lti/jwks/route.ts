// The tool's public keys (JWKS): platforms check the tool's deep-linking responses and
// service-token assertions against them. Public, read-only; retired keys stay listed for as
// long as what they signed can be checked (lib/lti/tool-keys.ts).
import { ltiAdminService } from "@/lib/lti/platform-admin-service";
import { json, otherMethods } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export async function GET() {
  return json(await ltiAdminService.publishedJwks());
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
