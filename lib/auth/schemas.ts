// Form schemas for accounts: one definition each, used by the actions, by better-auth's hooks
// (lib/auth/auth.ts) for the same fields arriving any other way, and by their tests.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./constants";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  // RFC 5321's limit on a forward path; anything longer is not an address.
  .max(254, "Enter an email address like name@example.edu")
  .pipe(z.email("Enter an email address like name@example.edu"));

export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`);

export const nameField = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

/** What every failed sign-in says: the same whether the account exists, was invited, or not. */
export const SIGN_IN_FAILED = "That email and password do not match an account.";

export const SignInSchema = z.object({
  email: emailField,
  // No password is longer, so a longer one is simply wrong, and refused before any hashing.
  password: z.string().min(1, "Enter your password").max(MAX_PASSWORD_LENGTH, SIGN_IN_FAILED),
  next: z.string().optional(),
});

export const SignUpSchema = z.object({ name: nameField, email: emailField, password: newPasswordField, next: z.string().optional() });

export const ClaimInviteSchema = z.object({ token: z.string().min(10).max(200), name: nameField, password: newPasswordField });
