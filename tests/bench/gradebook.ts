// The gradebook page's server work at 500 students × 20 quizzes: its data (five SELECTs on the
// fast runner and the rows built from them, lib/gradebook) and its render (the matrix rendered
// to HTML as the page's server render does, with the JSON of its props). Budget: 300 ms for
// both, the median of 15 runs after 3 to warm up, on SQLite in one process, in CPU time (user +
// system: the machine is shared, and a neighbour's load would otherwise count as ours).
// `npx tsx tests/bench/gradebook.ts` alone, or within `npm run bench`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createElement, type ComponentProps } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { GradebookMatrix } from "../../components/gradebook/matrix";
import { createDb } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { gradebookView } from "../../lib/gradebook/gradebook";
import { packCell } from "../../lib/gradebook/client";
import { courseGradebook } from "../../lib/gradebook/service";
import { Rng } from "../../lib/scenarios/prng";
import { catalogs } from "../../messages";

export const GRADEBOOK_STUDENTS = 500;
export const GRADEBOOK_QUIZZES = 20;
export const GRADEBOOK_BUDGET_MS = 300;

export type GradebookBench = { students: number; quizzes: number; attempts: number; dataMs: number; renderMs: number; totalMs: number };

/** CPU time of this process (user + system), in ms: the machine is shared, so wall time would measure the neighbours too. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchGradebook(): Promise<GradebookBench> {
  const dir = mkdtempSync(join(tmpdir(), "synack-bench-gradebook-"));
  const url = `file:${join(dir, "bench.db")}`;
  await migrate(url);
  const db = createDb(url);
  try {
    const rng = new Rng(2026);
    const random = () => rng.u32() / 2 ** 32;
    const courseId = "bench-course";
    await db.user.create({ data: { id: "bench-teacher", name: "Teacher", email: "teacher@bench.test" } });
    await db.course.create({ data: { id: courseId, code: "BENCH", title: "Bench", joinCode: "BENCH001", createdById: "bench-teacher" } });
    const students = Array.from({ length: GRADEBOOK_STUDENTS }, (_, i) => ({
      id: `s${i}`,
      name: `Student ${String(i).padStart(3, "0")}`,
      email: `s${i}@bench.test`,
    }));
    await db.user.createMany({ data: students });
    await db.enrollment.createMany({
      data: students.map((s, i) => ({ courseId, userId: s.id, role: "STUDENT", section: ["A", "B", "C", "D"][i % 4] })),
    });
    const closesAt = new Date(Date.now() - 86_400_000);
    const quizzes = Array.from({ length: GRADEBOOK_QUIZZES }, (_, q) => ({
      id: `q${q}`,
      courseId,
      title: `Quiz ${q + 1}`,
      mode: "EXAM",
      published: true,
      closesAt: q % 3 === 0 ? null : closesAt,
      scoreRule: (["HIGHEST", "LATEST", "AVERAGE"] as const)[q % 3],
      weight: 1 + (q % 4),
      createdAt: new Date(Date.UTC(2026, 0, 1 + q)),
    }));
    await db.quiz.createMany({ data: quizzes });
    await db.quizItem.createMany({
      data: quizzes.flatMap((q) => Array.from({ length: 5 }, (_, position) => ({ quizId: q.id, position, points: 2 }))),
    });
    const attempts = [];
    for (const s of students)
      for (const q of quizzes) {
        const r = random();
        const count = r < 0.1 ? 0 : r < 0.7 ? 1 : 2;
        for (let number = 1; number <= count; number++) {
          const startedAt = new Date(closesAt.getTime() - 3_600_000 * (3 - number));
          const inProgress = number === count && random() < 0.03;
          attempts.push({
            quizId: q.id,
            userId: s.id,
            number,
            status: inProgress ? "IN_PROGRESS" : "SUBMITTED",
            startedAt,
            submittedAt: inProgress ? null : new Date(startedAt.getTime() + 60_000 * (5 + Math.floor(random() * 30))),
            score: inProgress ? null : Math.round(random() * 20) / 2,
            maxScore: 10,
            overrideScore: random() < 0.01 ? 10 : null,
            timedOut: random() < 0.05,
          });
        }
      }
    await db.attempt.createMany({ data: attempts });
    await db.quizExcusal.createMany({ data: students.slice(0, 25).map((s) => ({ quizId: "q1", userId: s.id, reason: "bench" })) });

    const data: number[] = [];
    const render: number[] = [];
    for (let run = 0; run < 18; run++) {
      const start = cpuMs();
      const full = gradebookView(await courseGradebook(db, courseId, new Date()));
      const view = { ...full, rows: full.rows.map((r) => ({ ...r, cells: r.cells.map(packCell) })) };
      const loaded = cpuMs();
      const props = JSON.stringify(view);
      const provider = { locale: "en", messages: catalogs.en, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>;
      const html = renderToString(
        createElement(NextIntlClientProvider, provider, createElement(GradebookMatrix, { courseId, book: view })),
      );
      const done = cpuMs();
      if (props.length === 0 || html.length === 0) throw new Error("nothing rendered");
      if (run >= 3) {
        data.push(loaded - start);
        render.push(done - loaded);
      }
    }
    const totals = data.map((d, i) => d + render[i]);
    return {
      students: GRADEBOOK_STUDENTS,
      quizzes: GRADEBOOK_QUIZZES,
      attempts: attempts.length,
      dataMs: median(data),
      renderMs: median(render),
      totalMs: median(totals),
    };
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the figures; a total over budget sets a non-zero exit code. */
export function reportGradebook(r: GradebookBench): void {
  const ok = r.totalMs <= GRADEBOOK_BUDGET_MS;
  if (!ok) process.exitCode = 1;
  console.log(
    `gradebook page: ${r.students} students × ${r.quizzes} quizzes, ${r.attempts} attempts`.padEnd(64) +
      ` data ${r.dataMs.toFixed(1)} ms + render ${r.renderMs.toFixed(1)} ms = ${r.totalMs.toFixed(1)} ms (budget ${GRADEBOOK_BUDGET_MS} ms: ${ok ? "ok" : "OVER"})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) reportGradebook(await benchGradebook());
