import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT } from "./lib/server/limits";
import { commonSecurityHeaders, NON_PAGE_CSP, servedOverHttps } from "./lib/server/security-headers";

// Read at build time: `npm start` builds with the environment it serves with.
const appUrl = process.env.APP_URL || undefined;

const config: NextConfig = {
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
    serverActions: {
      bodySizeLimit: ACTION_BODY_LIMIT,
      // Behind a reverse proxy the Host header may not be APP_URL's; proxy.ts checks Origin against APP_URL.
      ...(appUrl ? { allowedOrigins: [new URL(appUrl).host] } : {}),
    },
    // The proxy's copy of a page POST: over the action limit by more than a read chunk, so
    // lib/server/action-guard.ts sees that a body is too large rather than a body cut short.
    proxyClientMaxBodySize: 2 * ACTION_BODY_LIMIT,
  },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    const common = commonSecurityHeaders(servedOverHttps(appUrl));
    const nonPage = [...common, { key: "Content-Security-Policy", value: NON_PAGE_CSP }];
    // Pages get theirs, with a nonce, from proxy.ts.
    return [
      // LTI pages answered by route handlers set their own policy, and a header set here would
      // win over the handler's (or be enforced as well): the login and launch answer in the LMS's
      // frame (app/api/lti/responses.ts), the deep-linking answer's form posts to the LMS, and the
      // dynamic-registration result is shown in the LMS's frame with one script.
      { source: "/api/:path((?!lti/deep-link/|lti/register$|lti/(?:login|launch)$).*)", headers: nonPage },
      { source: "/api/lti/:path(login|launch|register)", headers: common },
      { source: "/api/lti/deep-link/:path*", headers: common },
      { source: "/_next/:path*", headers: nonPage },
      { source: "/icon.svg", headers: nonPage },
      { source: "/favicon.ico", headers: nonPage },
    ];
  },
};

// The reader's language and catalog per request: lib/server/i18n-request.ts.
export default createNextIntlPlugin("./lib/server/i18n-request.ts")(config);
