// The build's static files (/_next/static/…: scripts, styles, fonts), served by the production
// server itself instead of Next.js's handler, which compresses a file again on every request:
// about 5 ms of server CPU per file on a busy 2-core machine, against about 0.5 ms this way
// (docs/performance.md §6). Each file is read and gzipped once, on first
// request, and kept (the build's static files are about 1.5 MB); their names change with their
// content, so they are cached by browsers for a year. The headers are those the build gives
// /_next/ (next.config.ts, as written to .next/routes-manifest.json).
import { readFileSync, realpathSync } from "node:fs";
import { extname, join, sep } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".map": "application/json; charset=UTF-8",
  ".json": "application/json; charset=UTF-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=UTF-8",
};
const COMPRESSIBLE = new Set([".js", ".css", ".map", ".json", ".svg", ".txt"]);
const PREFIX = "/_next/static/";

/** A handler for `dir`/.next: true when it answered the request, false to leave it to Next.js. */
export function staticFiles(dir) {
  const root = realpathSync(join(dir, ".next", "static"));
  const manifest = JSON.parse(readFileSync(join(dir, ".next", "routes-manifest.json"), "utf8"));
  const rule = manifest.headers.find((h) => h.source === "/_next/:path*");
  const common = Object.fromEntries((rule?.headers ?? []).map((h) => [h.key, h.value]));
  /** path -> { body, gzip } or null for a file that is not there */
  const cache = new Map();

  function load(path) {
    if (cache.has(path)) return cache.get(path);
    let entry = null;
    try {
      const file = realpathSync(join(root, path));
      if (file.startsWith(root + sep)) {
        const body = readFileSync(file);
        const ext = extname(file);
        entry = { body, gzip: COMPRESSIBLE.has(ext) ? gzipSync(body) : null, type: TYPES[ext] ?? "application/octet-stream" };
      }
    } catch {
      // not a file of the build: Next.js answers (404)
    }
    if (entry || cache.size < 10_000) cache.set(path, entry);
    return entry;
  }

  return (req, res) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url?.startsWith(PREFIX)) return false;
    let path;
    try {
      path = decodeURIComponent(req.url.slice(PREFIX.length).split("?")[0]);
    } catch {
      return false;
    }
    if (path.includes("\0")) return false;
    const entry = load(path);
    if (!entry) return false;
    const gzip = entry.gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const body = gzip ? entry.gzip : entry.body;
    res.writeHead(200, {
      ...common,
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Type": entry.type,
      "Content-Length": body.length,
      Vary: "Accept-Encoding",
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
