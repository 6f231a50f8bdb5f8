// Course forms: one schema each, used by the actions and their tests.
import { z } from "zod";
import { normalizeJoinCode } from "./join-code";

export const CreateCourseSchema = z.object({
  code: z.string().trim().min(1, "Enter a course code, like NET 101").max(30, "Use at most 30 characters"),
  title: z.string().trim().min(1, "Enter a title").max(120, "Use at most 120 characters"),
  term: z
    .string()
    .trim()
    .max(40, "Use at most 40 characters")
    .optional()
    .transform((t) => t || null),
});

export const JoinCourseSchema = z.object({
  joinCode: z
    .string()
    .transform(normalizeJoinCode)
    .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, "A join code is 4 to 16 letters and digits, like SYNACK26")),
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

export const EnrollByEmailSchema = z.object({
  courseId: z.string().min(1),
  emails: z
    .string()
    .max(100_000, "Paste at most a few thousand addresses at once")
    .superRefine((text, ctx) => {
      const { emails, invalid } = splitEmails(text);
      if (invalid.length) {
        ctx.addIssue({ code: "custom", message: `Not email addresses: ${invalid.slice(0, 5).join(", ")}${invalid.length > 5 ? "…" : ""}` });
      } else if (emails.length === 0) ctx.addIssue({ code: "custom", message: "Paste at least one email address" });
      else if (emails.length > 2000) ctx.addIssue({ code: "custom", message: "Enrol at most 2000 people at a time" });
    }),
  role: z.enum(["STUDENT", "TA", "INSTRUCTOR"], { error: "Choose a role" }),
  section: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((s) => s || null),
});

/** Accepting a staff role offered by link: the link's token. */
export const AcceptStaffInviteSchema = z.object({ token: z.string().min(10).max(200) });
