// A flood of wrong sign-ins against a running server, while one student saves answers: how
// much the flood slows the saves. `BASE=http://localhost:PORT DB_FILE=data/x.db npx tsx
// tests/bench/sign-in-flood.ts` against a server started with `npm start` on that database.
// FLOOD_MODE=one-account guesses one account's password (what one attacker does first);
// FLOOD_MODE=many-addresses guesses made-up accounts from a different forged address each time,
// which only gets past the per-address limit when the server trusts a proxy (TRUST_PROXY=1):
// that isolates what the bound on password hashing does.
import Database from "better-sqlite3";

const BASE = process.env.BASE ?? "http://localhost:3700";
const DB_FILE = process.env.DB_FILE ?? "data/e2e.db";
const FLOOD = Number(process.env.FLOOD ?? 24);
const SAVES = Number(process.env.SAVES ?? 150);
const MODE = process.env.FLOOD_MODE ?? "one-account";
const headers = { "Content-Type": "application/json", Origin: BASE };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function signIn(email: string, password: string, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { ...headers, ...extra },
    body: JSON.stringify({ email, password }),
  });
}

async function timedSaves(cookie: string, attemptId: string): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const start = performance.now();
    const r = await fetch(`${BASE}/api/attempts/${attemptId}/responses/1`, {
      method: "PUT",
      headers: { ...headers, Cookie: cookie },
      body: JSON.stringify({ answer: { states: { client: ["CLOSED", `SYN_SENT`] } } }),
    });
    await r.text();
    if (!r.ok) throw new Error(`save failed: ${r.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main() {
  const db = new Database(DB_FILE, { readonly: true });
  const quiz = db
    .prepare(`SELECT q.id AS id FROM Quiz q JOIN Course c ON c.id = q.courseId WHERE c.joinCode = 'SYNACK26' AND q.mode = 'PRACTICE'`)
    .get() as { id: string };
  db.close();
  const session = await signIn(process.env.STUDENT ?? "ada@synack.test", "synack-demo");
  if (!session.ok) throw new Error(`sign-in failed: ${session.status}`);
  const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0];
  const started = await fetch(`${BASE}/api/quizzes/${quiz.id}/attempts`, { method: "POST", headers: { ...headers, Cookie: cookie } });
  const { attemptId } = (await started.json()) as { attemptId: string };
  await timedSaves(cookie, attemptId); // warm-up
  const quiet = await timedSaves(cookie, attemptId);

  let stop = false;
  const statuses = new Map<number, number>();
  let n = 0;
  const flooders = Array.from({ length: FLOOD }, async (_, f) => {
    while (!stop) {
      const i = n++;
      const r =
        MODE === "one-account"
          ? await signIn("ben@synack.test", `wrong ${i}`)
          : await signIn(`made-up-${f}-${i}@example.edu`, `wrong ${i}`, { "X-Forwarded-For": `10.${f}.${(i >> 8) & 255}.${i & 255}` });
      await r.text();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
  });
  const flooded = await timedSaves(cookie, attemptId);
  stop = true;
  await Promise.all(flooders);
  console.log(
    JSON.stringify({
      mode: MODE,
      flood: FLOOD,
      saves: SAVES,
      quiet: { p50: +quiet.p50.toFixed(1), p95: +quiet.p95.toFixed(1) },
      flooded: { p50: +flooded.p50.toFixed(1), p95: +flooded.p95.toFixed(1) },
      signIns: Object.fromEntries(statuses),
    }),
  );
}

void main();
