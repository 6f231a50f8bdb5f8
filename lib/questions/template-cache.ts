// Parsed question templates, kept so that zod runs once per template, not once per use.
// Two lookups, one cache: by question row (a stored question version never changes: an edit
// makes a new row), and by object identity (a template object handed to instantiate() again,
// e.g. grading a quiz, a regrade or a load test). A template templateOf() returns is known by
// identity too, so instantiating it skips validation.
import { QuestionTemplateSchema, type QuestionTemplate } from "./schema";
import { TemplateError } from "./template-error";

// Keyed by identity, so nothing leaks.
const byIdentity = new WeakMap<object, QuestionTemplate>();

const byQuestion = new Map<string, QuestionTemplate>();
const MAX_TEMPLATES = 2000;

/** The parsed template of a stored question (bounded, oldest out first). */
export function templateOf(question: { id: string; template: string }): QuestionTemplate {
  let template = byQuestion.get(question.id);
  if (!template) {
    template = QuestionTemplateSchema.parse(JSON.parse(question.template));
    if (byQuestion.size >= MAX_TEMPLATES) byQuestion.delete(byQuestion.keys().next().value as string);
    byQuestion.set(question.id, template);
    byIdentity.set(template, template);
  }
  return template;
}

/** Validates a template (unknown JSON, e.g. from the database), once per object. */
export function validTemplate(template: unknown): QuestionTemplate {
  if (typeof template === "object" && template !== null) {
    const cached = byIdentity.get(template);
    if (cached) return cached;
  }
  const parsed = QuestionTemplateSchema.safeParse(template);
  if (!parsed.success) {
    throw new TemplateError(
      `invalid question template: ${parsed.error.issues.map((i) => `${i.path.join(".") || "template"}: ${i.message}`).join("; ")}`,
    );
  }
  if (typeof template === "object" && template !== null) {
    byIdentity.set(template, parsed.data);
    byIdentity.set(parsed.data, parsed.data);
  }
  return parsed.data;
}
