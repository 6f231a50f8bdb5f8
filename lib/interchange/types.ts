// The contract between a bank's questions and the files they travel in. A question of this
// project is a template: its answer is computed by the engine for each seed. An LMS question
// has one fixed answer. So an export to an LMS format writes each question as a set of fixed
// variants (one per seed the instructor asks for), each mapped to the nearest native type of
// that LMS; this project's JSON writes the templates themselves, losslessly. Pure and
// client-safe: no database, no clock.
import type { Msg } from "../i18n/msg";
import type { QuestionTemplate, QuestionTemplateInput } from "../questions/schema";

/** The formats a bank is written in and read from. */
export const BANK_FORMATS = ["json", "moodle-xml", "gift", "qti"] as const;
export type BankFormat = (typeof BANK_FORMATS)[number];

/** What a fixed variant asks, in the nearest shape an LMS question type has. */
export type VariantAnswer =
  /** A state sequence: the states in their right order (Moodle "ordering", QTI orderInteraction). */
  | { type: "ordering"; items: string[] }
  /** A time or a count: the value and the tolerance either way (Moodle "numerical"). */
  | { type: "numerical"; value: number; tolerance: number; unit?: string }
  /** One right option among several (Moodle "multichoice" single, QTI choiceInteraction). */
  | { type: "multichoice"; options: { text: string; correct: boolean }[] }
  /** Several short answers, each with its label and the texts accepted (Moodle cloze / short answer). */
  | { type: "shortanswer"; blanks: { label: string; answers: string[] }[] };

/** One question for one seed, with everything an LMS file needs, in one language. */
export interface ExportVariant {
  /** The template it came from (a marker lets an import of our own file restore it). */
  template: QuestionTemplate;
  seed: number;
  /** The question's name in the LMS: its title and seed. */
  name: string;
  /** The prompt, as the author wrote it (Markdown). */
  prompt: string;
  /** The prompt and setup as sanitized HTML, for formats whose text is HTML. */
  html: string;
  /** The setup lines (who does what), in the export's language. */
  setup: string[];
  /** The given part of the timeline as a text ladder (monospace lines); "" when nothing is given. */
  given: string;
  /** The general feedback shown after answering: the explanation, or "". */
  feedback: string;
  points: number;
  answer: VariantAnswer;
}

/** A bank as an LMS export sees it: its title and each question's variants. */
export interface ExportBank {
  title: string;
  questions: { template: QuestionTemplate; variants: ExportVariant[] }[];
}

/** A file to download. */
export interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  /** The file name's extension, without the dot ("xml", "txt", "zip", "json"). */
  extension: string;
}

/** Where in the file a problem or a question is: a 1-based line, when the format has lines. */
export type FileLine = number | null;

/** What reading a file gives: the questions that map, what was skipped and why, what is wrong. */
export interface ImportReport {
  questions: { line: FileLine; name: string; template: QuestionTemplateInput }[];
  /** Questions read but not imported: their type has no counterpart here. */
  skipped: { line: FileLine; name: string; reason: Msg }[];
  /** The file is malformed here; when there is any, nothing is imported. */
  problems: { line: FileLine; message: Msg }[];
}
