"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { acceptStaffInviteAction } from "@/app/actions/accept-staff-invite";
import { claimInviteAction } from "@/app/actions/claim-invite";
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
