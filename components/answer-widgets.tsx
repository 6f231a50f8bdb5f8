"use client";
// The answer widget of a question: its kind's widget (components/answers/<kind>.tsx), given
// the question's format and a draft of that kind (lib/questions drafts), empty at first.
import type { AnswerFormat, Draft } from "@/lib/questions/client";
import { componentsFor } from "./answers";

export type { Draft, SegmentDraft } from "@/lib/questions/client";

export function emptyDraft(format: AnswerFormat): Draft {
  return componentsFor(format.kind).emptyDraft(format);
}

export function AnswerWidget({
  format,
  draft,
  onChange,
  name,
}: {
  format: AnswerFormat;
  draft: Draft | null;
  onChange: (d: Draft) => void;
  name: string;
}) {
  const { Widget } = componentsFor(format.kind);
  return <Widget format={format} draft={draft ?? emptyDraft(format)} onChange={onChange} name={name} />;
}
