// The PostgreSQL the tests fall back on when the machine has none (tests/support/postgres.ts):
// it starts from npm, is a real server where databases may be created, and leaves nothing behind;
// and the probe that decides tells a usable server from a closed, foreign or silent port.
import { existsSync } from "node:fs";
import net from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { probePostgres, startEmbeddedPostgres } from "../support/postgres";

const servers: net.Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

/** A TCP server on a free port of 127.0.0.1 that treats every connection with `onConnection`. */
function tcpServer(onConnection: (socket: net.Socket) => void): Promise<string> {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => {
      socket.on("error", () => undefined); // the probe hangs up as it likes
      onConnection(socket);
    });
    servers.push(server);
    server.listen(0, "127.0.0.1", () => resolve(`postgresql://postgres@127.0.0.1:${(server.address() as net.AddressInfo).port}/postgres`));
  });
}

describe("the embedded PostgreSQL", () => {
  it("serves PostgreSQL 18 in UTF-8 to a superuser who may create databases, and stop() removes it", async () => {
    const server = await startEmbeddedPostgres();
    try {
      expect(server.port).not.toBe(5432);
      expect(server.url).toBe(`postgresql://postgres:${new URL(server.url).password}@127.0.0.1:${server.port}/postgres`);
      expect(await probePostgres(server.url)).toBeNull();
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ version: string; encoding: string; superuser: string; upper: string }>(
        `SELECT current_setting('server_version') AS version, current_setting('server_encoding') AS encoding,
                current_setting('is_superuser') AS superuser, upper('三次握手 é') AS upper`,
      );
      expect(rows[0]).toEqual({ version: expect.stringMatching(/^18\./), encoding: "UTF8", superuser: "on", upper: "三次握手 É" });
      await client.query("CREATE DATABASE synack_embedded_check");
      await client.query("DROP DATABASE synack_embedded_check");
      await client.end();
      // Without the password, the server refuses: it is not open to anyone on the machine.
      expect(await probePostgres(`postgresql://postgres@127.0.0.1:${server.port}/postgres`)).toMatch(/answers but not as PostgreSQL/);
    } finally {
      await server.stop();
    }
    expect(existsSync(server.directory)).toBe(false);
    expect(await probePostgres(server.url)).toBe(`nothing listens on 127.0.0.1:${server.port}`);
    await server.stop(); // a second stop is harmless
  }, 120_000);
});

describe("probePostgres", () => {
  it("refuses a closed port", async () => {
    const url = await tcpServer(() => undefined);
    const port = new URL(url).port;
    await new Promise((r) => servers.pop()!.close(r));
    expect(await probePostgres(url)).toBe(`nothing listens on 127.0.0.1:${port}`);
  });

  it("refuses a port where something other than PostgreSQL answers", async () => {
    const url = await tcpServer((socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    expect(await probePostgres(url)).toMatch(/^127\.0\.0\.1:\d+ answers but not as PostgreSQL for user postgres: /);
  });

  it("gives up on a port that accepts and never answers, within its timeout", async () => {
    const url = await tcpServer(() => undefined);
    const started = Date.now();
    expect(await probePostgres(url, 300)).toMatch(/answers but not as PostgreSQL/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
