// The production server `npm start` runs: Next.js's own request handler (the one `next start`
// uses) behind a Node HTTP server that tells the app each request's socket address, which
// Next.js 16 does not pass to route handlers or server actions. The address travels in a
// header whose name is random per process (SYNACK_PEER_HEADER, read by
// lib/auth/client-address.ts): any copy a client sends is overwritten, and nobody outside this
// process knows the name to forge it.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { staticFiles } from "./static-files.mjs";

const header = `x-synack-peer-${randomBytes(16).toString("hex")}`;
// Before Next.js loads the app, which reads its environment once.
process.env.SYNACK_PEER_HEADER = header;
const { default: next } = await import("next");

const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();
// SYNACK_NEXT_STATIC=1 leaves the static files to Next.js: the load bench's comparison.
const serveStatic = process.env.SYNACK_NEXT_STATIC === "1" ? () => false : staticFiles(process.cwd());

const server = createServer((req, res) => {
  if (serveStatic(req, res)) return;
  req.headers[header] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error) => {
    console.error("request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// HOST names the address to listen on; unset, every interface (as `next start`).
server.listen(port, process.env.HOST || undefined, () => console.log(`Ready on port ${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
