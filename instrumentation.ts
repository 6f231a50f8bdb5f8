// Runs once as a server process starts (Next.js's instrumentation hook; `npm start`'s
// scripts/serve.mjs runs it too, in app.prepare()). It starts the LMS score outbox: scores
// queued by a request are sent after its response, and a sweep every 30 seconds sends the rest
// (docs/lti.md §5). Only in the Node.js runtime: the proxy's edge-like runtime has no database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ after }, { startScoreOutbox }] = await Promise.all([import("next/server"), import("./lib/lti/score-outbox-process")]);
  startScoreOutbox((task) => after(task));
}
