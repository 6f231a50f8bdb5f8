// The marker that lets a file written here come back as the templates it was made from. An
// LMS question is one fixed variant; the template behind it (family, parameters, what is
// asked) has no place in any LMS type. So each exported question also carries its template
// as JSON where the LMS ignores it — a <synack_template> element in Moodle XML (the XML
// importer reads only the elements it knows), a `// synack-template:` comment line in GIFT
// (the GIFT importer drops comment lines). Reading our own file back restores the template
// exactly; a file that went through an LMS and out again has lost the marker and is read as
// any other file. Pure.
import { QuestionTemplateSchema, type QuestionTemplate } from "../questions/schema";
import type { ExportVariant } from "./types";

/** The Moodle XML element that carries a template. */
export const MARKER_ELEMENT = "synack_template";
/** The GIFT comment that carries a template: `// synack-template: {…}` on one line. */
export const MARKER_COMMENT = "// synack-template: ";

/** The template as one line of JSON (JSON.stringify escapes every line break inside strings). */
export function markerOf(variant: ExportVariant): string {
  return JSON.stringify(variant.template);
}

export type MarkerRead = { ok: true; template: QuestionTemplate } | { ok: false; path: string };

/** The template a marker carries, validated as any stored template is. */
export function readMarker(json: string): MarkerRead {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, path: "(JSON)" };
  }
  const parsed = QuestionTemplateSchema.safeParse(value);
  if (parsed.success) return { ok: true, template: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, path: issue.path.length ? issue.path.join(".") : "(template)" };
}
