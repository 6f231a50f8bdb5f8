// Form schemas for accounts: one definition each, used by the actions and their tests.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./constants";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@example.edu"));

export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(128, "Use at most 128 characters");

export const nameField = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

export const SignInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password"),
  next: z.string().optional(),
});

export const SignUpSchema = z.object({ name: nameField, email: emailField, password: newPasswordField, next: z.string().optional() });

export const ClaimInviteSchema = z.object({ token: z.string().min(10), name: nameField, password: newPasswordField });
