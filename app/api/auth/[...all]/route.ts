// better-auth's HTTP endpoints (session lookup, sign-out) for clients that are not server actions.
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

export const { GET, POST } = toNextJsHandler(auth);
