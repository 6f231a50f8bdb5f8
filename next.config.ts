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
    // Pages get theirs, with a nonce, from proxy.ts. The LTI login and launch answer in the
    // LMS's frame with a page of their own and its own policy (app/api/lti/responses.ts): a second,
    // frame-refusing policy here would be enforced too.
    return [
      { source: "/api/:path((?!lti/(?:login|launch)$).*)", headers: nonPage },
      { source: "/_next/:path*", headers: nonPage },
      { source: "/icon.svg", headers: nonPage },
      { source: "/favicon.ico", headers: nonPage },
    ];
  },
};

// The reader's language and catalog per request: lib/server/i18n-request.ts.
export default createNextIntlPlugin("./lib/server/i18n-request.ts")(config);
