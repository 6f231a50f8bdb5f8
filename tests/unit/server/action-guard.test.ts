// The server-action guard (lib/server/action-guard.ts) before Next.js decodes an action's
// arguments: what React's own client encoder writes passes, and a reference React's decoder
// cannot read — which Next.js would answer with a 500 — is a 400 with a message.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textIn } from "../../../lib/i18n/translate";
import { actionRequestError } from "../../../lib/server/action-guard";

// The encoder the browser uses to send a server action's arguments (Next.js's copy of React's).
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const ORIGIN = "http://app.test";

/** The POST a browser makes for an action with these arguments, encoded as React encodes them. */
async function actionRequest(args: unknown[]): Promise<Request> {
  const body = await encodeReply(args);
  const headers: Record<string, string> = { origin: ORIGIN, host: "app.test", "next-action": "7f00" };
  if (typeof body === "string") headers["content-type"] = "text/plain;charset=UTF-8";
  return new Request(`${ORIGIN}/practice/handshake`, { method: "POST", headers, body });
}

function rawRequest(body: string): Request {
  return new Request(`${ORIGIN}/practice/handshake`, {
    method: "POST",
    headers: { origin: ORIGIN, host: "app.test", "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" },
    body,
  });
}

describe("actionRequestError: React's references", () => {
  it("lets through what React's client writes: escaped dollars, dates, undefined, FormData, a value met twice, a Map", async () => {
    const form = new FormData();
    form.set("answer", "$notAReference");
    const shared = { states: { client: ["CLOSED", "SYN_SENT"] } };
    const cases: unknown[][] = [
      [{ token: "t", answer: { states: { client: ["$CLOSED", "CLOSED"] } } }],
      [{ at: new Date(0), missing: undefined, n: Number.NaN }],
      [{ ok: true }, form],
      [shared, { again: shared }],
      [new Map([["k", 1]])],
    ];
    for (const args of cases) expect(await actionRequestError(await actionRequest(args))).toBeNull();
  });

  it("lets through any string React's client writes, whatever it starts with", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }), async (strings) => {
        expect(await actionRequestError(await actionRequest([{ strings }]))).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it("refuses, with a 400 that quotes it, a reference React cannot decode (Next.js would answer 500)", async () => {
    for (const bad of [
      "$toLocaleStr",
      "$zz",
      "$1",
      "$Q1",
      "$F1",
      "$B1",
      "$A1",
      "$i1",
      "$Z",
      "$nq",
      "$0:constructor:constructor",
      "$0:__proto__",
    ]) {
      const refused = await actionRequestError(rawRequest(JSON.stringify([{ token: "t", answer: bad }])));
      expect(refused?.status, bad).toBe(400);
      expect(textIn("en")(refused!.text)).toBe(`The request holds "${bad}", which is not a value this form sends.`);
    }
  });
});
