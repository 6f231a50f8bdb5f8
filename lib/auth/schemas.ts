// Form schemas for accounts: one definition each, used by the actions, by better-auth's hooks
// (lib/auth/auth.ts) for the same fields arriving any other way, and by their tests. Their
// messages are message ids (docs/contributing.md), rendered in the reader's language.
import { z } from "zod";
import { fieldMessage } from "../i18n/field-messages";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./constants";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  // RFC 5321's limit on a forward path; anything longer is not an address.
  .max(254, fieldMessage("errors.field.emailFormat"))
  .pipe(z.email(fieldMessage("errors.field.emailFormat")));

export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, fieldMessage("errors.field.tooShort"))
  .max(MAX_PASSWORD_LENGTH, fieldMessage("errors.field.tooLong"));

export const nameField = z.string().trim().min(1, fieldMessage("errors.field.nameRequired")).max(100, fieldMessage("errors.field.tooLong"));

/** What every failed sign-in says: the same whether the account exists, was invited, or not. */
export const SIGN_IN_FAILED = fieldMessage("auth.signIn.failed");

export const SignInSchema = z.object({
  email: emailField,
  // No password is longer, so a longer one is simply wrong, and refused before any hashing.
  password: z.string().min(1, fieldMessage("errors.field.passwordRequired")).max(MAX_PASSWORD_LENGTH, SIGN_IN_FAILED),
  next: z.string().optional(),
});

export const SignUpSchema = z.object({ name: nameField, email: emailField, password: newPasswordField, next: z.string().optional() });

export const ClaimInviteSchema = z.object({ token: z.string().min(10).max(200), name: nameField, password: newPasswordField });

export const ChangePasswordSchema = z.object({
  // No password is longer, so a longer one is simply not the current one.
  currentPassword: z
    .string()
    .min(1, fieldMessage("errors.field.passwordRequired"))
    .max(MAX_PASSWORD_LENGTH, fieldMessage("account.password.wrongCurrent")),
  newPassword: newPasswordField,
  signOutOthers: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});

export const ResetPasswordSchema = z.object({ token: z.string().min(10).max(200), password: newPasswordField });

export const ForgotPasswordSchema = z.object({ email: emailField });

/** A reset link asked for from a course's roster (courseId) or from the admin page (none). */
export const ResetLinkSchema = z.object({ courseId: z.string().min(1).max(100).optional(), userId: z.string().min(1).max(100) });
