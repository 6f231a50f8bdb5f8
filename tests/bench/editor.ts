// The question editor's server work: one variant's preview (a fresh seed: instantiate, present,
// expected answer) and the variety report over 50 seeds (lib/authoring/variety.ts). The editor
// asks for a preview at every edit, so it must stay well under a frame of typing delay.
import { previewVariant } from "../../lib/authoring/preview";
import { varietyReport } from "../../lib/authoring/variety";
import { QuestionTemplateSchema, starterLibrary } from "../../lib/questions";
import { measure, type BenchResult } from "./measure";

function template(id: string) {
  const t = starterLibrary.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  // Parsed as the API boundary parses a body: a fresh object each request.
  return () => QuestionTemplateSchema.parse(JSON.parse(JSON.stringify(t)));
}

export function benchEditor(): BenchResult[] {
  const results: BenchResult[] = [];
  for (const id of ["handshake-states", "lost-fin-states"]) {
    const fresh = template(id);
    let seed = 1;
    results.push(measure(`preview: a new seed (${id}, with the answer)`, () => previewVariant(fresh(), seed++, true), 200, 5));
    results.push(measure(`variety: 50 seeds (${id})`, () => varietyReport(fresh(), { samples: 50, firstSeed: seed++ }), 300, 5));
  }
  return results;
}
