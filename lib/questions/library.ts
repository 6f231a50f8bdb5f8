// The starter library: question templates kept as readable JSON files in ./library,
// validated here so a broken file fails at once, with its id in the message.
import { libraryFiles } from "./library/index";
import { QuestionTemplateSchema, type QuestionTemplate } from "./schema";

export const starterLibrary: readonly QuestionTemplate[] = libraryFiles.map((file, i) => {
  const parsed = QuestionTemplateSchema.safeParse(file);
  if (!parsed.success) {
    const id = (file as { id?: string })?.id ?? `#${i}`;
    throw new Error(
      `question library: template ${id} is invalid: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`,
    );
  }
  return parsed.data;
});
