// POST: start an attempt of a quiz (or resume the one in progress).
import { z } from "zod";
import { startAttempt } from "@/lib/attempts/service";
import { json, userRoute } from "@/lib/server/route";
import { db } from "@/lib/db/client";

export const POST = userRoute(z.object({ quizId: z.string().min(1).max(64) }), async ({ user, params }) => {
  const { attemptId, resumed } = await startAttempt(db, user.id, params.quizId);
  return json({ attemptId, resumed }, resumed ? 200 : 201);
});
