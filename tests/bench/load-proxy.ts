// The reverse proxy of the bench's two-instance configuration: each request goes to the next
// app instance in turn (round robin, no sticky sessions), so one student's saves land on both.
// `tsx tests/bench/load-proxy.ts <port> <upstream port>...`. Keep-alive connections to the
// instances, as nginx's `keepalive` would; the request and the answer are streamed through.
import http from "node:http";

const [port, ...upstreams] = process.argv.slice(2).map(Number);
if (!port || upstreams.length === 0 || [port, ...upstreams].some((p) => !Number.isInteger(p))) {
  console.error("usage: tsx tests/bench/load-proxy.ts <port> <upstream port>...");
  process.exit(2);
}
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

const server = http.createServer((req, res) => {
  const target = upstreams[next];
  next = (next + 1) % upstreams.length;
  const upstream = http.request(
    { host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: req.headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", (error) => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "BAD_GATEWAY", message: `instance on port ${target}: ${error.message}` }));
  });
  req.pipe(upstream);
});
server.keepAliveTimeout = 30_000;
server.listen(port, "127.0.0.1", () => console.log(`Ready on port ${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
