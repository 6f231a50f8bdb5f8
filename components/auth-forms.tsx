"use client";
import Link from "next/link";
import { useActionState } from "react";
import { acceptStaffInviteAction } from "@/app/actions/accept-staff-invite";
import { claimInviteAction } from "@/app/actions/claim-invite";
import { signInAction } from "@/app/actions/sign-in";
import { signUpAction } from "@/app/actions/sign-up";
import { initialFormState } from "@/lib/forms";
import { Field, FormMessage, SubmitButton } from "./form-fields";

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <Field name="email" label="Email" type="email" autoComplete="email" required state={state} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required state={state} />
      <SubmitButton pending="Signing in…">Sign in</SubmitButton>
      <p className="text-sm text-slate-600">Invited by your instructor? Open the invite link they sent you to choose your password.</p>
      <p className="text-sm text-slate-600">
        New here?{" "}
        <Link href={`/signup?next=${encodeURIComponent(next)}`} className="font-medium text-accent-700 underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}

export function SignUpForm({ next }: { next: string }) {
  const [state, action] = useActionState(signUpAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <Field name="name" label="Your name" autoComplete="name" required state={state} />
      <Field name="email" label="Email" type="email" autoComplete="email" required state={state} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        state={state}
        hint="At least 8 characters."
      />
      <SubmitButton pending="Creating your account…">Create account</SubmitButton>
      <p className="text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={`/login?next=${encodeURIComponent(next)}`} className="font-medium text-accent-700 underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}

export function ClaimInviteForm({ token, email, name }: { token: string; email: string; name: string }) {
  const [state, action] = useActionState(claimInviteAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-700">
        Email: <span className="font-medium">{email}</span>
      </p>
      <Field name="name" label="Your name" autoComplete="name" required defaultValue={name} state={state} />
      <Field
        name="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        required
        state={state}
        hint="At least 8 characters."
      />
      <SubmitButton pending="Setting up…">Set password and continue</SubmitButton>
    </form>
  );
}

export function AcceptStaffInviteForm({ token, email, role }: { token: string; email: string; role: string }) {
  const [state, action] = useActionState(acceptStaffInviteAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-700">
        Signed in as <span className="font-medium">{email}</span>. Accepting confirms this email address is yours.
      </p>
      <SubmitButton pending="Joining…">Join as {role.toLowerCase()}</SubmitButton>
    </form>
  );
}
