// "Make a question from this capture": the question editor's draft of a custom scenario
// question whose scenario is a capture's reconstruction. Either the students see the
// captured segments before one and say the next one (kind "next"), or they say both
// endpoints' final states (kind "final-state"). Pure and client-safe (lib/authoring/client).

/** The most segments a "next" question may give (lib/questions/kinds/next.ts bounds `given`). */
export const MAX_GIVEN_SEGMENTS = 40;

export type CaptureAsk = "next" | "final-state";

/** The reconstruction as the capture import answers it: the scenario and how many segments its run sends. */
export type CaptureRun = { scenario: Record<string, unknown>; sent: number };

/**
 * How many segments a "next" question may give before the one it asks for: 0 up to all but
 * the last sent, at most MAX_GIVEN_SEGMENTS; null when the run sends nothing to ask for.
 */
export function givenLimit(sent: number): number | null {
  if (!Number.isInteger(sent) || sent < 1) return null;
  return Math.min(sent - 1, MAX_GIVEN_SEGMENTS);
}

/** The draft's `ask`; `given` is clamped into givenLimit (a run that sends nothing cannot ask "next"). */
function askOf(run: CaptureRun, ask: CaptureAsk, given: number) {
  if (ask === "final-state") return { kind: "final-state" as const, endpoints: ["client", "server"] as const };
  const limit = givenLimit(run.sent);
  if (limit === null) throw new RangeError("the run sends no segment, so there is no next one to ask for");
  const whole = Number.isFinite(given) ? Math.trunc(given) : limit;
  return { kind: "next" as const, given: Math.max(0, Math.min(limit, whole)) };
}

/** The template input the editor opens with (`…/questions/new?draft=<encodeShared(this)>`). */
export function captureQuestion(run: CaptureRun, choice: { ask: CaptureAsk; given: number; title: string; prompt: string }) {
  return {
    family: "custom",
    params: {},
    scenario: run.scenario,
    ask: askOf(run, choice.ask, choice.given),
    title: choice.title,
    prompt: choice.prompt,
  };
}
