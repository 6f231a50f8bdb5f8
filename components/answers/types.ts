// What each answer kind brings to the browser: its widget, its empty draft and its review.
import type { ReactNode } from "react";
import type { AnswerOf, AskKind, DraftOf, FormatOf } from "@/lib/questions/client";

export interface WidgetProps<K extends AskKind> {
  format: FormatOf<K>;
  draft: DraftOf<K>;
  onChange: (draft: DraftOf<K>) => void;
  /** Unique on the page: prefixes the ids of the widget's fields. */
  name: string;
}

export interface ReviewProps<K extends AskKind> {
  /** The student's answer as they left it (null: never touched). */
  draft: DraftOf<K> | null;
  expected: AnswerOf<K>;
  format: FormatOf<K>;
}

export interface SavedProps<K extends AskKind> {
  /** The student's answer as they left it (null: never touched). */
  draft: DraftOf<K> | null;
  format: FormatOf<K>;
}

export interface AnswerComponents<K extends AskKind> {
  /** Edits a draft and reports every change; usable by keyboard, labelled for screen readers. */
  Widget: (props: WidgetProps<K>) => ReactNode;
  /** The student's answer beside the true one, row by row. */
  Review: (props: ReviewProps<K>) => ReactNode;
  /**
   * The student's answer alone, read-only: a submitted attempt before its feedback is released.
   * Given no expected answer, so it cannot show one.
   */
  Saved: (props: SavedProps<K>) => ReactNode;
  /** The draft a widget starts from. */
  emptyDraft: (format: FormatOf<K>) => DraftOf<K>;
}
