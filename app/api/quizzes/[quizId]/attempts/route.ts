// POST: start an attempt of a quiz (or resume the one in progress).
import { z } from "zod";
import { attempts } from "@/lib/attempts";
import { json, userRoute } from "@/lib/server/route";

export const POST = userRoute(z.object({ quizId: z.string().min(1).max(64) }), async ({ user, params }) => {
  const { attemptId, resumed } = await attempts.start(user.id, params.quizId);
  return json({ attemptId, resumed }, resumed ? 200 : 201);
});
