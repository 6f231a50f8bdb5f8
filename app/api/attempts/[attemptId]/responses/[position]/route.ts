// PUT: save the draft answer of one question ({ "answer": ..., "seq"?: n }). 200 { savedAt };
// 422 when malformed (the last good save is kept); 409 when submitted or past the deadline, or
// when `seq` is not higher than the answer's stored save number ({ stale: true, seq: stored });
// 404 when the attempt is not the caller's.
import { z } from "zod";
import { attempts } from "@/lib/attempts";
import { msg } from "@/lib/i18n/msg";
import { AppError } from "@/lib/server/errors";
import { readJson } from "@/lib/server/json";
import { json, userRoute, otherMethods } from "@/lib/server/route";

const Params = z.object({ attemptId: z.string().min(1).max(64), position: z.coerce.number().int().min(1).max(500) });
const Body = z.object({ answer: z.unknown(), seq: z.number().int().min(1).max(2_147_483_647).optional() }).strict();

export const PUT = userRoute(Params, async ({ user, params, request }) => {
  const body = Body.safeParse(await readJson(request));
  if (!body.success) throw new AppError("UNPROCESSABLE", msg("attempt.errors.badBody", { shape: '{ "answer": …, "seq"?: 1 }' }));
  const { savedAt } = await attempts.save(user.id, params.attemptId, params.position, body.data.answer, new Date(), body.data.seq ?? null);
  return json({ savedAt: savedAt.toISOString() });
});

// The other methods: 405, naming the ones this address takes.
export const { GET, POST, PATCH, DELETE } = otherMethods("PUT");
