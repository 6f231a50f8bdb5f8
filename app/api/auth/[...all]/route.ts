// better-auth's HTTP endpoints, only those the app uses (lib/auth/endpoints.ts), for clients
// that are not server actions. A failure while the database is out of reach is reported as 503.
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { exposedOnly } from "@/lib/auth/endpoints";
import { AppError } from "@/lib/server/errors";
import { errorResponse, otherMethods } from "@/lib/server/route";
import { databaseHealthy } from "@/lib/db/health";
import { databaseAppError } from "@/lib/server/database-errors";
import { msg } from "@/lib/i18n/msg";
import { readerLocale } from "@/lib/i18n/translate";

const handlers = toNextJsHandler(auth);

function guarded(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const unreachable = () => errorResponse(new AppError("UNAVAILABLE", msg("errors.database.unreachable")), readerLocale(request.headers));
    try {
      const response = await handler(request);
      if (response.status >= 500 && !(await databaseHealthy())) return unreachable();
      return response;
    } catch (error) {
      const unavailable = await databaseAppError(error);
      if (unavailable) return errorResponse(unavailable, readerLocale(request.headers));
      throw error;
    }
  };
}

export const GET = guarded(exposedOnly(handlers.GET));
export const POST = guarded(exposedOnly(handlers.POST));

// The other methods: 405, naming the ones this address takes.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
