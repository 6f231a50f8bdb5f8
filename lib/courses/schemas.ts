// Course forms: one schema each, used by the actions and their tests. Their messages are
// catalog message ids (fieldMessage; the action boundary renders them in the reader's
// language, with a custom issue's params as arguments), so a schema is one value for every language.
import { z } from "zod";
import { fieldMessage as say } from "../i18n/field-messages";
import { normalizeJoinCode } from "./join-code";

export const CreateCourseSchema = z.object({
  code: z.string().trim().min(1, say("courses.newCourse.codeRequired")).max(30, say("courses.newCourse.codeTooLong")),
  title: z.string().trim().min(1, say("courses.newCourse.titleRequired")).max(120, say("courses.newCourse.titleTooLong")),
  term: z
    .string()
    .trim()
    .max(40, say("courses.newCourse.termTooLong"))
    .optional()
    .transform((t) => t || null),
});

export const JoinCourseSchema = z.object({
  joinCode: z
    .string()
    .transform(normalizeJoinCode)
    .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, say("courses.join.format"))),
});

/** Emails separated by commas, semicolons, spaces or new lines; "<email>" is accepted. */
export function splitEmails(text: string): { emails: string[]; invalid: string[] } {
  const emails = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/[,;\s]+/)) {
    const token = raw.trim().replace(/^<|>$/g, "").toLowerCase();
    if (!token) continue;
    if (z.email().safeParse(token).success) emails.add(token);
    else if (token.includes("@")) invalid.push(raw.trim());
  }
  return { emails: [...emails], invalid };
}

/** The arguments of `roster.form.notEmails`: the first few addresses that are not ones, and whether there are more. */
export function notEmailsParams(invalid: string[]): { list: string; more: "yes" | "no" } {
  return { list: invalid.slice(0, 5).join(", "), more: invalid.length > 5 ? "yes" : "no" };
}

export const EnrollByEmailSchema = z.object({
  courseId: z.string().min(1),
  emails: z
    .string()
    .max(100_000, say("roster.form.tooLong"))
    .superRefine((text, ctx) => {
      const { emails, invalid } = splitEmails(text);
      if (invalid.length) {
        ctx.addIssue({ code: "custom", message: say("roster.form.notEmails"), params: notEmailsParams(invalid) });
      } else if (emails.length === 0) ctx.addIssue({ code: "custom", message: say("roster.form.noEmails") });
      else if (emails.length > 2000) ctx.addIssue({ code: "custom", message: say("roster.form.tooMany") });
    }),
  role: z.enum(["STUDENT", "TA", "INSTRUCTOR"], { error: say("roster.form.chooseRole") }),
  section: z
    .string()
    .trim()
    .max(40, say("roster.form.sectionTooLong"))
    .optional()
    .transform((s) => s || null),
});

/** Accepting a staff role offered by link: the link's token. */
export const AcceptStaffInviteSchema = z.object({ token: z.string().min(10).max(200) });
