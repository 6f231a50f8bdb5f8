// POST: submit an attempt; grading happens here, on the server. Idempotent.
import { z } from "zod";
import { attempts } from "@/lib/attempts";
import { json, userRoute, otherMethods } from "@/lib/server/route";

export const POST = userRoute(z.object({ attemptId: z.string().min(1).max(64) }), async ({ user, params }) => {
  const result = await attempts.submit(user.id, params.attemptId);
  // The score is not part of the answer: whether it is shown follows the release setting (the review page).
  return json({ status: result.status, submittedAt: result.submittedAt.toISOString() });
});

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
