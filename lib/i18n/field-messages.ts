// Messages for form fields. A message written in a schema is a message id, never a sentence
// (`.min(1, fieldMessage("errors.field.nameRequired"))`; docs/contributing.md): where a parse
// meets a person (lib/server/action-client.ts), issueText (translate.ts) renders it in their
// language. An issue a schema gives no message of its own gets one of the generic field
// messages below, or zod's own words in that language. Pure and client-safe.
import { z } from "zod";
import type { Locale } from "./locales";
import type { MessageKey } from "./msg";

/** A message id for a schema's message: typed, so a misspelt id does not compile. */
export function fieldMessage<K extends MessageKey>(key: K): K {
  return key;
}

type RawIssue = z.core.$ZodRawIssue;

function generic(issue: RawIssue): MessageKey | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "errors.field.required" : "errors.field.invalid";
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "errors.field.required" : "errors.field.tooShort";
      if (issue.origin === "number" || issue.origin === "int") return "errors.field.tooSmall";
      return undefined;
    case "too_big":
      if (issue.origin === "string") return "errors.field.tooLong";
      if (issue.origin === "number" || issue.origin === "int") return "errors.field.tooLarge";
      return undefined;
    case "invalid_value":
      return "errors.field.notAnOption";
    case "invalid_format":
      return issue.format === "email" ? "errors.field.emailFormat" : "errors.field.invalid";
    default:
      return undefined;
  }
}

const zodLocales: Record<Locale, z.core.$ZodErrorMap> = { en: z.locales.en().localeError, "zh-CN": z.locales.zhCN().localeError };

/** The error map for one parse (`schema.safeParse(data, { error: issueErrorMap(locale) })`). */
export function issueErrorMap(locale: Locale): z.core.$ZodErrorMap {
  return (issue) => generic(issue) ?? zodLocales[locale](issue);
}
