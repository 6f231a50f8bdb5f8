"use client";
// Adding a platform by hand, or editing one: its name, product, issuer, client id and the three
// endpoints (and Brightspace's OAuth audience); when adding, its first deployment ids.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addPlatformAction, editPlatformAction } from "@/app/actions/lti-admin";
import { initialFormState } from "@/lib/forms";
import { FormMessage, Labelled, SubmitButton } from "../form-fields";
import { fieldClass } from "../ui";

const FIELD_LABELS = {
  name: "form.name",
  issuer: "form.issuer",
  clientId: "form.clientId",
  authUrl: "form.authUrl",
  tokenUrl: "form.tokenUrl",
  jwksUrl: "form.jwksUrl",
  authAudience: "form.authAudience",
} as const;

export type PlatformValues = {
  id: string;
  name: string;
  product: string;
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  authAudience: string | null;
};

/** What the server says in the form: the products' names (brand names) and the hints that name them. */
export type PlatformFormText = {
  products: { value: string; label: string }[];
  issuerHint: string;
  clientIdHint: string;
  authAudienceHint: string;
  urlRule: string;
};

export function PlatformForm({ platform, text }: { platform?: PlatformValues; text: PlatformFormText }) {
  const t = useTranslations("ltiAdmin");
  const [state, action] = useActionState(platform ? editPlatformAction : addPlatformAction, initialFormState);
  const prefix = platform ? `edit-${platform.id}-` : "add-";
  const value = (name: keyof PlatformValues) => state.values?.[name] ?? platform?.[name] ?? undefined;
  const field = (name: keyof typeof FIELD_LABELS, hint?: string) => {
    const errors = state.fieldErrors?.[name];
    const kept = value(name) ?? "";
    return (
      <Labelled id={`${prefix}${name}`} label={t(FIELD_LABELS[name])} hint={hint} errors={errors}>
        {(props) => (
          <input
            {...props}
            key={kept}
            name={name}
            defaultValue={kept}
            autoComplete="off"
            maxLength={name === "name" ? 120 : 2000}
            required={name !== "authAudience"}
            className={`${fieldClass} w-full ${errors ? "border-rose-500" : ""}`}
          />
        )}
      </Labelled>
    );
  };
  return (
    <form
      action={action}
      className="flex flex-col gap-3"
      aria-label={platform ? t("form.editTitle", { name: platform.name }) : t("form.addTitle")}
    >
      {platform ? <input type="hidden" name="platformId" value={platform.id} /> : null}
      {field("name", t("form.nameHint"))}
      <Labelled id={`${prefix}product`} label={t("form.product")} errors={state.fieldErrors?.product}>
        {(props) => (
          <select
            {...props}
            key={value("product") ?? "other"}
            name="product"
            defaultValue={value("product") ?? "other"}
            className={`${fieldClass} w-full`}
          >
            {text.products.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      {field("issuer", text.issuerHint)}
      {field("clientId", text.clientIdHint)}
      {field("authUrl")}
      {field("tokenUrl")}
      {field("jwksUrl")}
      {field("authAudience", text.authAudienceHint)}
      {platform ? null : (
        <Labelled
          id={`${prefix}deploymentIds`}
          label={t("form.deploymentIds")}
          hint={t("form.deploymentIdsHint")}
          errors={state.fieldErrors?.deploymentIds}
        >
          {(props) => (
            <textarea
              {...props}
              key={state.values?.deploymentIds ?? ""}
              name="deploymentIds"
              rows={3}
              defaultValue={state.values?.deploymentIds ?? ""}
              className={`${fieldClass} w-full font-mono text-sm`}
            />
          )}
        </Labelled>
      )}
      <p className="text-xs text-slate-600">{text.urlRule}</p>
      <FormMessage state={state} />
      <div>
        <SubmitButton>{platform ? t("form.save") : t("form.add")}</SubmitButton>
      </div>
    </form>
  );
}
