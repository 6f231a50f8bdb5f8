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

/** A pasted entry that is not an email address, with the line it is on (from 1). */
export type RefusedEntry = { line: number; entry: string };

/** The refused entries listed one by one; the rest are counted. */
export const MAX_REFUSED_LISTED = 20;

/**
 * The addresses in a pasted list: one or more per line, separated by commas, semicolons or
 * spaces; "Name <email>" and "Name email" keep the address and drop the name. An entry with no
 * address, or a word with an @ that is no address, is refused with its line; an address listed
 * twice counts once.
 */
export function splitEmails(text: string): { emails: string[]; refused: RefusedEntry[] } {
  const emails = new Set<string>();
  const refused: RefusedEntry[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    for (const raw of lineText.split(/[,;]+/)) {
      const entry = raw.trim();
      if (!entry) continue;
      const bracketed = /<([^<>]*)>/.exec(entry);
      const words = bracketed ? [bracketed[1].trim()] : entry.split(/\s+/).filter((w) => w.includes("@"));
      if (words.length === 0) refused.push({ line: index + 1, entry });
      for (const word of words) {
        const address = word.toLowerCase();
        if (z.email().safeParse(address).success) emails.add(address);
        else refused.push({ line: index + 1, entry: word });
      }
    }
  });
  return { emails: [...emails], refused };
}

export const EnrollByEmailSchema = z.object({
  courseId: z.string().min(1),
  emails: z
    .string()
    .max(100_000, say("roster.form.tooLong"))
    .superRefine((text, ctx) => {
      const { emails, refused } = splitEmails(text);
      if (refused.length) {
        for (const { line, entry } of refused.slice(0, MAX_REFUSED_LISTED))
          ctx.addIssue({ code: "custom", message: say("roster.form.refusedLine"), params: { line, entry } });
        if (refused.length > MAX_REFUSED_LISTED)
          ctx.addIssue({ code: "custom", message: say("roster.form.refusedMore"), params: { count: refused.length - MAX_REFUSED_LISTED } });
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
