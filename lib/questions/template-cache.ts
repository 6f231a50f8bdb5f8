// Parsed question templates by question row. A question version never changes (an edit makes
// a new row), so its parsed template can be kept: saves and grading then skip zod on the
// template. Bounded, oldest out first.
import { QuestionTemplateSchema, type QuestionTemplate } from "./schema";

const templates = new Map<string, QuestionTemplate>();
const MAX_TEMPLATES = 2000;

export function templateOf(question: { id: string; template: string }): QuestionTemplate {
  let template = templates.get(question.id);
  if (!template) {
    template = QuestionTemplateSchema.parse(JSON.parse(question.template));
    if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value as string);
    templates.set(question.id, template);
  }
  return template;
}
