"use client";
// The signed-in user's menu: a disclosure button (Escape or a click outside closes it).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { signOutAction } from "@/app/actions/sign-out";

export function UserMenu({ name, email, isAdmin }: { name: string; email: string; isAdmin: boolean }) {
  const t = useTranslations("common.userMenu");
  const tSandbox = useTranslations("sandbox");
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-lg border border-slate-300 px-3 py-1.5 text-slate-800 hover:bg-slate-100"
      >
        <span
          aria-hidden="true"
          className="flex h-6 w-6 items-center justify-center rounded-full bg-accent-100 text-xs font-semibold text-accent-800"
        >
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden max-w-32 truncate sm:inline">{name}</span>
        <span className="sr-only sm:hidden">{name}</span>
        <span className="sr-only">{t("accountMenu")}</span>
      </button>
      <div id={menuId} hidden={!open} className="absolute right-0 z-10 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
        <p className="px-3 py-2 text-xs text-slate-600">
          {t.rich("signedInAs", { email, strong: (chunks) => <span className="font-medium text-slate-900">{chunks}</span> })}
        </p>
        <ul className="flex flex-col">
          <li>
            <Link href="/" className="block rounded-lg px-3 py-2 text-sm hover:bg-slate-100" onClick={() => setOpen(false)}>
              {t("myCourses")}
            </Link>
          </li>
          <li>
            <Link href="/sandbox" className="block rounded-lg px-3 py-2 text-sm hover:bg-slate-100" onClick={() => setOpen(false)}>
              {tSandbox("nav")}
            </Link>
          </li>
          {isAdmin ? (
            <li>
              <Link href="/admin" className="block rounded-lg px-3 py-2 text-sm hover:bg-slate-100" onClick={() => setOpen(false)}>
                {t("admin")}
              </Link>
            </li>
          ) : null}
          <li>
            <Link href="/account" className="block rounded-lg px-3 py-2 text-sm hover:bg-slate-100" onClick={() => setOpen(false)}>
              {t("account")}
            </Link>
          </li>
          <li>
            <form action={signOutAction}>
              <button type="submit" className="w-full rounded-lg px-3 py-2 text-left text-sm text-rose-800 hover:bg-rose-50">
                {t("signOut")}
              </button>
            </form>
          </li>
        </ul>
      </div>
    </div>
  );
}
