"use client";
// The Account page's personal API tokens: create one (a name, an optional expiry), see it once
// with a copy button, list them with their first characters, creation, last use and expiry,
// and revoke one after a confirmation. It talks to the same /api/v1/tokens routes a script
// would (same origin, JSON), so the page and the API are one implementation.
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { TokenView } from "@/lib/api/operations/tokens";
import { DataTable, type Column } from "./data-table";
import { buttonStyles, Card } from "./ui";

/** Expiry choices, in days; "" is none (until revoked). */
const EXPIRY_DAYS = [7, 30, 90, 365] as const;
const MAX_NAME = 80;

type ApiFailure = { message?: string; issues?: { path: (string | number)[]; message: string }[] };

const TIME_FORMAT = { dateStyle: "medium", timeStyle: "short" } as const;

async function send(method: "POST" | "DELETE", url: string, body?: unknown): Promise<{ status: number; data: unknown }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const text = await response.text();
  return { status: response.status, data: text ? JSON.parse(text) : null };
}

export function ApiTokens({ initial }: { initial: TokenView[] }) {
  const t = useTranslations("tokens");
  const format = useFormatter();
  const now = useNow();
  const ids = useId();
  const [tokens, setTokens] = useState(initial);
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [fresh, setFresh] = useState<{ id: string; name: string; token: string } | null>(null);
  const [copyState, setCopyState] = useState<"copied" | "failed" | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const tokenInput = useRef<HTMLInputElement>(null);
  const nameId = `${ids}-name`;

  // A new token takes the focus (selected, ready to copy), so a keyboard or screen reader user is
  // taken to what is shown only once.
  useEffect(() => {
    if (fresh) tokenInput.current?.focus();
  }, [fresh]);
  const expiryId = `${ids}-expiry`;

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setNameError(null);
    setFormError(null);
    setStatus(null);
    try {
      const { status: code, data } = await send("POST", "/api/v1/tokens", {
        name,
        ...(expiry ? { expiresInDays: Number(expiry) } : {}),
      });
      if (code === 201) {
        const { token, ...view } = data as TokenView & { token: string };
        setTokens((list) => [view, ...list]);
        setFresh({ id: view.id, name: view.name, token });
        setCopyState(null);
        setName("");
        setExpiry("");
        return;
      }
      const failure = (data ?? {}) as ApiFailure;
      const onName = failure.issues?.filter((issue) => issue.path[0] === "name") ?? [];
      if (onName.length > 0) setNameError(onName.map((issue) => issue.message).join(" "));
      else setFormError(failure.message ?? t("networkError"));
    } catch {
      setFormError(t("networkError"));
    } finally {
      setPending(false);
    }
  }

  async function copy() {
    if (!fresh) return;
    try {
      await navigator.clipboard.writeText(fresh.token);
      setCopyState("copied");
    } catch {
      tokenInput.current?.select();
      setCopyState("failed");
    }
  }

  async function revoke(token: TokenView) {
    setFormError(null);
    setStatus(null);
    try {
      const { status: code, data } = await send("DELETE", `/api/v1/tokens/${encodeURIComponent(token.id)}`);
      // 404: it is gone already (revoked in another tab); either way it is not in the list.
      if (code === 204 || code === 404) {
        setTokens((list) => list.filter((x) => x.id !== token.id));
        setFresh((shown) => (shown?.id === token.id ? null : shown));
        setConfirming(null);
        setStatus(t("revoke.done", { name: token.name }));
        return;
      }
      setFormError((data as ApiFailure | null)?.message ?? t("networkError"));
    } catch {
      setFormError(t("networkError"));
    }
  }

  const when = (iso: string) => format.dateTime(new Date(iso), TIME_FORMAT);
  const columns: Column<"name" | "prefix" | "created" | "lastUsed" | "expires" | "actions">[] = [
    { key: "name", header: t("list.name"), sortable: true },
    { key: "prefix", header: t("list.prefix"), className: "font-mono" },
    { key: "created", header: t("list.created"), sortable: true },
    { key: "lastUsed", header: t("list.lastUsed"), sortable: true },
    { key: "expires", header: t("list.expires") },
    { key: "actions", header: t("list.actions") },
  ];
  const rows = tokens.map((token) => ({
    key: token.id,
    sortValues: { created: token.createdAt, lastUsed: token.lastUsedAt ?? "" },
    cells: {
      name: token.name,
      prefix: `${token.prefix}…`,
      created: when(token.createdAt),
      lastUsed: token.lastUsedAt ? when(token.lastUsedAt) : t("list.neverUsed"),
      expires: !token.expiresAt
        ? t("list.noExpiry")
        : new Date(token.expiresAt) <= now
          ? t("list.expired", { at: when(token.expiresAt) })
          : when(token.expiresAt),
      actions:
        confirming === token.id ? (
          <div className="flex min-w-48 flex-col gap-2" role="group" aria-label={t("revoke.buttonLabel", { name: token.name })}>
            <p className="text-sm whitespace-normal text-slate-800">{t("revoke.confirm", { name: token.name })}</p>
            <div className="flex flex-wrap gap-2">
              <button type="button" className={buttonStyles.danger} onClick={() => revoke(token)}>
                {t("revoke.yes")}
              </button>
              <button type="button" className={buttonStyles.secondary} onClick={() => setConfirming(null)}>
                {t("revoke.cancel")}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className={buttonStyles.secondary}
            aria-label={t("revoke.buttonLabel", { name: token.name })}
            onClick={() => setConfirming(token.id)}
          >
            {t("revoke.button")}
          </button>
        ),
    },
  }));

  return (
    <Card title={t("title")} className="mt-6">
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <p className="mt-1 text-sm">
        <a href="/api/v1/openapi.json" className="text-accent-700 underline">
          {t("openApi")}
        </a>
      </p>

      <form onSubmit={create} className="mt-4 flex flex-col gap-3" aria-label={t("create.title")} noValidate>
        <h3 className="text-base font-semibold text-slate-900">{t("create.title")}</h3>
        <div className="flex flex-col gap-1">
          <label htmlFor={nameId} className="text-sm font-medium text-slate-800">
            {t("create.name")}
          </label>
          <input
            id={nameId}
            name="name"
            value={name}
            maxLength={MAX_NAME}
            required
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`${nameId}-hint${nameError ? ` ${nameId}-error` : ""}`}
            className={`rounded-lg border bg-white px-3 py-2 text-slate-900 shadow-sm ${nameError ? "border-rose-500" : "border-slate-300"}`}
          />
          <p id={`${nameId}-hint`} className="text-xs text-slate-600">
            {t("create.nameHint")}
          </p>
          {nameError ? (
            <p id={`${nameId}-error`} className="text-sm text-rose-700">
              {nameError}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={expiryId} className="text-sm font-medium text-slate-800">
            {t("create.expiry")}
          </label>
          <select
            id={expiryId}
            name="expiresInDays"
            value={expiry}
            onChange={(e) => setExpiry(e.target.value)}
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm"
          >
            <option value="">{t("create.never")}</option>
            {EXPIRY_DAYS.map((days) => (
              <option key={days} value={String(days)}>
                {t("create.days", { days })}
              </option>
            ))}
          </select>
        </div>
        {formError ? (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {formError}
          </p>
        ) : null}
        <div>
          <button type="submit" className={buttonStyles.primary} disabled={pending} aria-disabled={pending}>
            {pending ? t("create.pending") : t("create.submit")}
          </button>
        </div>
      </form>

      {fresh ? (
        <section className="mt-4 rounded-lg border border-accent-300 bg-accent-50 p-3" aria-labelledby={`${ids}-fresh`}>
          <h3 id={`${ids}-fresh`} className="text-base font-semibold text-slate-900">
            {t("created.title", { name: fresh.name })}
          </h3>
          <p className="mt-1 text-sm text-slate-800">{t("created.once")}</p>
          <label htmlFor={`${ids}-token`} className="mt-2 block text-sm font-medium text-slate-800">
            {t("created.label")}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              ref={tokenInput}
              id={`${ids}-token`}
              readOnly
              value={fresh.token}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
            />
            <button type="button" className={buttonStyles.secondary} onClick={copy}>
              {t("created.copy")}
            </button>
          </div>
          <p role="status" className="mt-1 min-h-5 text-sm text-slate-700">
            {copyState === "copied" ? t("created.copied") : copyState === "failed" ? t("created.copyFailed") : ""}
          </p>
          <button type="button" className={`${buttonStyles.secondary} mt-2`} onClick={() => setFresh(null)}>
            {t("created.done")}
          </button>
        </section>
      ) : null}

      <div className="mt-6">
        <p role="status" className="mb-2 min-h-5 text-sm text-accent-800">
          {status ?? ""}
        </p>
        <DataTable caption={t("list.caption")} columns={columns} rows={rows} empty={t("list.empty")} />
      </div>
    </Card>
  );
}
