// The course forms' messages in the reader's language. The schemas speak in message ids
// (lib/courses/schemas.ts) and so may a thrown AppError; a form shows words. A form action
// wrapped here renders every message of its answer that is a catalog id, with the arguments
// it needs, and leaves anything else (already words) as it is.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { msg, type MessageKey, type MsgValue } from "../i18n/msg";
import { renderText, type Translate } from "../i18n/render";

type Answer = { message?: string; fieldErrors?: Record<string, string[]> };
/** The arguments of the messages that take some, read from the posted form. */
export type MessageArguments = Partial<Record<MessageKey, Record<string, MsgValue>>>;

export function inReaderLanguage<P, A extends Answer>(
  action: (prev: P, received: FormData | undefined) => Promise<A>,
  argumentsOf?: (form: FormData) => MessageArguments,
): (prev: P, received: FormData | undefined) => Promise<A> {
  return async (prev, received) => {
    const answer = await action(prev, received);
    // As the action itself reads it: (state, form) from useActionState, the form alone from a post before hydration.
    const form = received instanceof FormData ? received : prev instanceof FormData ? prev : new FormData();
    return speak(answer, argumentsOf?.(form) ?? {});
  };
}

/** "roster.form.noEmails": words never look like this, a message id always does. */
const MESSAGE_ID = /^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/;

async function speak<A extends Answer>(answer: A, args: MessageArguments): Promise<A> {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const say = (text: string) =>
    MESSAGE_ID.test(text) && t.has(text as MessageKey)
      ? renderText(t as unknown as Translate, locale, msg(text as MessageKey, args[text as MessageKey]))
      : text;
  const fieldErrors = answer.fieldErrors
    ? Object.fromEntries(Object.entries(answer.fieldErrors).map(([field, errors]) => [field, errors.map(say)]))
    : undefined;
  return { ...answer, ...(answer.message ? { message: say(answer.message) } : {}), ...(fieldErrors ? { fieldErrors } : {}) };
}
