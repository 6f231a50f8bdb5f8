// POST: start an attempt of a quiz (or resume the one in progress). The body is optional:
// `{ "password": "…" }` for an exam with an access password (403 when missing or wrong, 429
// after too many wrong ones); resuming needs none. 201 started, 200 resumed.
import { z } from "zod";
import { attempts } from "@/lib/attempts";
import { verifyPassword } from "@/lib/auth/password-hashing";
import { msg } from "@/lib/i18n/msg";
import { decodeUtf8, readBody } from "@/lib/server/body";
import { AppError } from "@/lib/server/errors";
import { parseJsonText } from "@/lib/server/json-text";
import { JSON_BODY_LIMIT } from "@/lib/server/limits";
import { json, userRoute, otherMethods } from "@/lib/server/route";

const Body = z.object({ password: z.string().min(1).max(200).optional() }).strict();

export const POST = userRoute(z.object({ quizId: z.string().min(1).max(64) }), async ({ user, params, request }) => {
  // An empty body is a start without a password, as before the password existed.
  const text = decodeUtf8(await readBody(request, JSON_BODY_LIMIT));
  const body = Body.safeParse(text.trim() === "" ? {} : parseJsonText(text));
  if (!body.success) throw new AppError("UNPROCESSABLE", msg("attempt.errors.badBody", { shape: '{ "password"?: "…" }' }));
  const { attemptId, resumed } = await attempts.start(user.id, params.quizId, new Date(), {
    password: body.data.password,
    checkPassword: verifyPassword,
  });
  return json({ attemptId, resumed }, resumed ? 200 : 201);
});

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
