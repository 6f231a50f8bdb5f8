// Loads the starter library (lib/questions/library) into the demo course's bank. Runs on
// every start: templates the bank lacks are added as version 1; a template whose JSON
// changed gets a new version (attempts keep the version they were given).
import { localized } from "../i18n/localized";
import { starterLibrary } from "../questions";
import type { Db } from "../db/client";
import { demoCourseId } from "./identity";

export const STARTER_BANK_TITLE = "Starter library: connection set-up and tear-down";

/** Returns how many question versions were added. */
export async function syncStarterLibrary(db: Db): Promise<number> {
  const courseId = await demoCourseId(db);
  if (!courseId) return 0;
  const course = { id: courseId };
  const bank =
    (await db.questionBank.findFirst({ where: { courseId: course.id, title: STARTER_BANK_TITLE } })) ??
    (await db.questionBank.create({ data: { courseId: course.id, title: STARTER_BANK_TITLE } }));
  const existing = await db.question.findMany({
    where: { bankId: bank.id },
    orderBy: { version: "desc" },
    select: { key: true, version: true, template: true },
  });
  const latest = new Map<string, { version: number; template: string }>();
  for (const q of existing) if (!latest.has(q.key)) latest.set(q.key, q);
  let added = 0;
  for (const template of starterLibrary) {
    const json = JSON.stringify(template);
    const current = latest.get(template.id);
    if (current?.template === json) continue;
    await db.question.create({
      data: {
        bankId: bank.id,
        key: template.id,
        version: (current?.version ?? 0) + 1,
        // The row's title is one string, for staff lists; the template keeps every language.
        title: localized(template.title, "en"),
        template: json,
        tags: JSON.stringify(template.tags),
      },
    });
    added++;
  }
  return added;
}
