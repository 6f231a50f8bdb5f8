// The state a useActionState form round-trips; shared by actions and client forms.
export type FormState = {
  ok: boolean;
  /** A message for the whole form (success or failure). */
  message?: string;
  /** Per-field messages, shown beside the fields. */
  fieldErrors?: Record<string, string[]>;
  /** What was typed, so a failed submit does not empty the form (never passwords). */
  values?: Record<string, string>;
};

export const initialFormState: FormState = { ok: false };
