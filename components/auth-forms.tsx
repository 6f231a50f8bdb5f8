"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { acceptStaffInviteAction } from "@/app/actions/accept-staff-invite";
import { changePasswordAction } from "@/app/actions/change-password";
import { claimInviteAction } from "@/app/actions/claim-invite";
import { forgotPasswordAction } from "@/app/actions/forgot-password";
import { resetPasswordAction } from "@/app/actions/reset-password";
import { signInAction } from "@/app/actions/sign-in";
import { signUpAction } from "@/app/actions/sign-up";
import type { CourseRole } from "@/lib/auth/roles";
import { initialFormState } from "@/lib/forms";
import { Field, FormMessage, SubmitButton } from "./form-fields";

const strong = (chunks: ReactNode) => <span className="font-medium">{chunks}</span>;

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <Field name="email" label={t("email")} type="email" autoComplete="email" required state={state} />
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" required state={state} />
      <SubmitButton pending={t("signIn.pending")}>{t("signIn.submit")}</SubmitButton>
      <p className="text-sm">
        <Link href="/forgot-password" className="font-medium text-accent-700 underline">
          {t("signIn.forgot")}
        </Link>
      </p>
      <p className="text-sm text-slate-600">{t("signIn.invitedHint")}</p>
      <p className="text-sm text-slate-600">
        {t.rich("signIn.newHere", {
          link: (chunks) => (
            <Link href={`/signup?next=${encodeURIComponent(next)}`} className="font-medium text-accent-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </form>
  );
}

/** `minPasswordLength`: the rule the server checks (lib/auth/constants.ts), said in the hint. */
export function SignUpForm({ next, minPasswordLength }: { next: string; minPasswordLength: number }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(signUpAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <Field name="name" label={t("yourName")} autoComplete="name" required state={state} />
      <Field name="email" label={t("email")} type="email" autoComplete="email" required state={state} />
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        state={state}
        hint={t("passwordHint", { count: minPasswordLength })}
      />
      <SubmitButton pending={t("signUp.pending")}>{t("signUp.submit")}</SubmitButton>
      <p className="text-sm text-slate-600">
        {t.rich("signUp.haveAccount", {
          link: (chunks) => (
            <Link href={`/login?next=${encodeURIComponent(next)}`} className="font-medium text-accent-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </form>
  );
}

export function ClaimInviteForm({
  token,
  email,
  name,
  minPasswordLength,
}: {
  token: string;
  email: string;
  name: string;
  minPasswordLength: number;
}) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(claimInviteAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-700">{t.rich("invite.claimEmail", { email, strong })}</p>
      <Field name="name" label={t("yourName")} autoComplete="name" required defaultValue={name} state={state} />
      <Field
        name="password"
        label={t("invite.choosePassword")}
        type="password"
        autoComplete="new-password"
        required
        state={state}
        hint={t("passwordHint", { count: minPasswordLength })}
      />
      <SubmitButton pending={t("invite.claimPending")}>{t("invite.claimSubmit")}</SubmitButton>
    </form>
  );
}

export function AcceptStaffInviteForm({ token, email, role }: { token: string; email: string; role: CourseRole }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(acceptStaffInviteAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-700">{t.rich("invite.staffSignedInAs", { email, strong })}</p>
      <SubmitButton pending={t("invite.staffPending")}>{t("invite.staffSubmit", { role })}</SubmitButton>
    </form>
  );
}

/** The Account page's password change: the current password, a new one, and whether to end the other sessions (yes by default). */
export function ChangePasswordForm({ minPasswordLength }: { minPasswordLength: number }) {
  const t = useTranslations("account.password");
  const ta = useTranslations("auth");
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Field name="currentPassword" label={t("current")} type="password" autoComplete="current-password" required state={state} />
      <Field
        name="newPassword"
        label={t("new")}
        type="password"
        autoComplete="new-password"
        required
        state={state}
        hint={ta("passwordHint", { count: minPasswordLength })}
      />
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="signOutOthers" defaultChecked className="h-4 w-4" />
        {t("signOutOthers")}
      </label>
      <div>
        <SubmitButton pending={t("pending")}>{t("submit")}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** The page a reset link opens: a new password, then the person is signed in. */
export function ResetPasswordForm({ token, email, minPasswordLength }: { token: string; email: string; minPasswordLength: number }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(resetPasswordAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-700">{t.rich("reset.intro", { email, strong })}</p>
      <Field
        name="password"
        label={t("reset.newPassword")}
        type="password"
        autoComplete="new-password"
        required
        state={state}
        hint={t("passwordHint", { count: minPasswordLength })}
      />
      <SubmitButton pending={t("reset.pending")}>{t("reset.submit")}</SubmitButton>
    </form>
  );
}

/** "Forgot password?" with a mail server: the address to send a reset link to. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [state, action] = useActionState(forgotPasswordAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field name="email" label={t("email")} type="email" autoComplete="email" required state={state} />
      <SubmitButton pending={t("forgot.pending")}>{t("forgot.submit")}</SubmitButton>
    </form>
  );
}
