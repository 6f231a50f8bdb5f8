// Request bodies: the byte limit holds before and while reading, and malformed JSON of every
// kind is a 4xx with a message (lib/server/body.ts, json-text.ts).
import { describe, expect, it, vi } from "vitest";
vi.mock("server-only", () => ({}));
import { textIn } from "@/lib/i18n/translate";
import { AppError } from "@/lib/server/errors";
import { readJson } from "@/lib/server/json";
import { JSON_BODY_LIMIT, MAX_JSON_DEPTH } from "@/lib/server/limits";

function jsonRequest(body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/x", {
    method: "PUT",
    body,
    headers: { "content-type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit);
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, message: textIn("en")(error.text) };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A stream of `chunks` chunks of `size` bytes, counting how many were pulled. */
function countingStream(chunks: number, size: number) {
  const pulled = { count: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count++;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, pulled };
}

describe("readJson", () => {
  it("reads a JSON body", async () => {
    expect(await readJson(jsonRequest('{"answer":{"a":[1,2]}}'))).toEqual({ answer: { a: [1, 2] } });
  });

  it("refuses a declared Content-Length over the limit with 413 before reading a byte", async () => {
    const { stream, pulled } = countingStream(1000, 1024);
    const result = await refusal(readJson(jsonRequest(stream, { "content-length": String(JSON_BODY_LIMIT + 1) })));
    expect(result.status).toBe(413);
    expect(result.message).toMatch(/too large/);
    expect(pulled.count).toBeLessThanOrEqual(1); // a ReadableStream may pull one chunk ahead
  });

  it("stops reading a chunked body (no Content-Length) at the limit with 413", async () => {
    const { stream, pulled } = countingStream(100_000, 1024); // 100 MB if read to the end
    const result = await refusal(readJson(jsonRequest(stream)));
    expect(result.status).toBe(413);
    expect(pulled.count).toBeLessThan(JSON_BODY_LIMIT / 1024 + 3);
  });

  const bad: [string, BodyInit][] = [
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ["NaN", '{"answer":NaN}'],
    ["Infinity", '{"answer":Infinity}'],
    ["-Infinity", '{"answer":-Infinity}'],
    ["not JSON", "{oops"],
    ["empty", ""],
    ["a __proto__ key", '{"answer":{"__proto__":{"isAdmin":true}}}'],
    ["a nested __proto__ key", '{"answer":[{"a":{"__proto__":1}}]}'],
    ["nesting past the limit", `{"answer":${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}}`],
    ["very deep nesting", `${"[".repeat(200_000)}${"]".repeat(200_000)}`.slice(0, JSON_BODY_LIMIT)],
  ];
  for (const [what, body] of bad) {
    it(`refuses ${what} with a 400 and a message`, async () => {
      const result = await refusal(readJson(jsonRequest(body)));
      expect(result.status).toBe(400);
      expect(result.message.length).toBeGreaterThan(10);
    });
  }

  it("accepts nesting up to the limit, and brackets inside strings do not count", async () => {
    const deep = `${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`;
    expect(await readJson(jsonRequest(deep))).toBeDefined();
    expect(await readJson(jsonRequest(JSON.stringify({ answer: "[".repeat(1000) + '\\"{' })))).toEqual({
      answer: "[".repeat(1000) + '\\"{',
    });
  });
});
