"use client";
// The small forms of /admin/lti: a platform's deployment ids (add, remove), deleting a platform
// and rotating the tool's key (each confirmed first), and making a registration URL.
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import {
  addDeploymentAction,
  createInviteAction,
  deletePlatformAction,
  removeDeploymentAction,
  rotateKeyAction,
} from "@/app/actions/lti-admin";
import { initialFormState, type FormState } from "@/lib/forms";
import { FormMessage, SubmitButton } from "../form-fields";
import { buttonStyles, fieldClass } from "../ui";
import { ConfirmFirst } from "../confirm-first";
import { CopyValue } from "./copy-value";

function Outcome({ state }: { state: FormState }) {
  const message = state.fieldErrors ? Object.values(state.fieldErrors).flat().join(" ") || state.message : state.message;
  return <FormMessage state={{ ...state, message }} />;
}

export function AddDeployment({ platformId, platformName }: { platformId: string; platformName: string }) {
  const t = useTranslations("ltiAdmin.platforms");
  const [state, action] = useActionState(addDeploymentAction, initialFormState);
  const id = useId();
  return (
    <form action={action} className="flex flex-col gap-2" aria-label={t("addDeployment", { name: platformName })}>
      <input type="hidden" name="platformId" value={platformId} />
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("addDeployment", { name: platformName })}
      </label>
      <div className="flex flex-wrap gap-2">
        <input id={id} name="deploymentId" required maxLength={255} autoComplete="off" className={`${fieldClass} flex-1`} />
        <SubmitButton variant="secondary">{t("add")}</SubmitButton>
      </div>
      <Outcome state={state} />
    </form>
  );
}

export function RemoveDeployment({ platformId, deploymentId }: { platformId: string; deploymentId: string }) {
  const t = useTranslations("ltiAdmin.platforms");
  const [state, action, pending] = useActionState(removeDeploymentAction, initialFormState);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="platformId" value={platformId} />
      <input type="hidden" name="deploymentId" value={deploymentId} />
      <button type="submit" className={buttonStyles.secondary} disabled={pending} aria-label={t("remove", { id: deploymentId })}>
        ×
      </button>
      {state.message && !state.ok ? (
        <span role="alert" className="text-xs text-rose-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function DeletePlatform({ platformId, platformName }: { platformId: string; platformName: string }) {
  const t = useTranslations("ltiAdmin.platforms");
  const [state, action] = useActionState(deletePlatformAction, initialFormState);
  return (
    <ConfirmFirst
      opener={t("delete", { name: platformName })}
      prompt={t("deleteConfirm", { name: platformName })}
      yes={t("deleteYes")}
      yesPending={t("deleting")}
      cancel={t("cancel")}
      action={action}
      state={state}
      hidden={{ platformId }}
      tone="rose"
    />
  );
}

export function RotateKey() {
  const t = useTranslations("ltiAdmin.key");
  const [state, action] = useActionState(rotateKeyAction, initialFormState);
  return (
    <ConfirmFirst
      opener={t("rotate")}
      prompt={t("confirm")}
      yes={t("yes")}
      yesPending={t("rotating")}
      cancel={t("cancel")}
      action={action}
      state={state}
    />
  );
}

export function MakeRegistrationUrl() {
  const t = useTranslations("ltiAdmin.invite");
  const format = useFormatter();
  const [state, action] = useActionState(createInviteAction, initialFormState);
  const made = state.ok ? state.values : undefined;
  return (
    <div className="flex flex-col gap-3">
      <form action={action}>
        <SubmitButton pending={t("pending")}>{t("make")}</SubmitButton>
      </form>
      {made?.url ? (
        <section className="flex flex-col gap-1 rounded-lg border border-accent-300 bg-accent-50 p-3" aria-label={t("url")}>
          <p role="status" className="text-sm text-slate-800">
            {t("made")}
          </p>
          <CopyValue
            label={t("url")}
            value={made.url}
            hint={t("expires", { at: format.dateTime(new Date(made.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}
          />
        </section>
      ) : (
        <FormMessage state={state} />
      )}
    </div>
  );
}
