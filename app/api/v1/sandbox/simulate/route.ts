// POST /api/v1/sandbox/simulate: the sandbox's Run, for the page and for scripts alike.
import { sandboxSimulateOp } from "@/lib/api/operations/sandbox";
import { apiRoute, ApiValidationError } from "@/lib/api/route";
import { runSandbox } from "@/lib/authoring/sandbox";
import { textIn } from "@/lib/i18n/translate";
import { otherMethods } from "@/lib/server/route";

const handler = apiRoute(sandboxSimulateOp, async ({ body, locale }) => {
  // apiRoute has parsed the body: the operation declares one.
  const { scenario, seed } = body!;
  const result = runSandbox(scenario, seed ?? 0);
  if (!result.ok) {
    const render = textIn(locale);
    throw new ApiValidationError(
      "UNPROCESSABLE",
      result.issues.map((issue) => ({ path: ["scenario", ...issue.path], message: render(issue.message) })),
    );
  }
  return result.run;
});

// A route without dynamic segments gets no `params` from Next.js; apiRoute awaits them.
export const POST = (request: Request, context?: { params?: Promise<unknown> }) =>
  handler(request, { params: context?.params ?? Promise.resolve({}) });

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
