import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/user-menu";
import { getSessionUserOrNull } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SynAck Lab", template: "%s · SynAck Lab" },
  description: "Learn how TCP opens and closes connections: predict, simulate, and see why.",
};
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUserOrNull();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
            <Link href="/" className="flex items-center gap-2 whitespace-nowrap font-semibold text-slate-900">
              <span aria-hidden="true" className="rounded bg-accent-700 px-1.5 py-0.5 font-mono text-xs text-white">
                SYN
              </span>
              SynAck Lab
            </Link>
            <nav aria-label="Main" className="flex items-center gap-3 whitespace-nowrap text-sm">
              {user ? (
                <>
                  <Link href="/" className="hidden text-slate-700 hover:text-slate-900 sm:inline">
                    Courses
                  </Link>
                  <Link href="/practice" className="text-slate-700 hover:text-slate-900">
                    Practice
                  </Link>
                  {user.isAdmin ? (
                    <Link href="/admin" className="hidden text-slate-700 hover:text-slate-900 sm:inline">
                      Admin
                    </Link>
                  ) : null}
                  <UserMenu name={user.name} email={user.email} isAdmin={user.isAdmin} />
                </>
              ) : (
                <>
                  <Link href="/practice" className="text-slate-700 hover:text-slate-900">
                    Practice
                  </Link>
                  <Link href="/login" className="text-slate-700 hover:text-slate-900">
                    Sign in
                  </Link>
                  <Link
                    href="/signup"
                    className="hidden rounded-lg bg-accent-700 px-3 py-1.5 font-medium text-white hover:bg-accent-800 sm:inline-block"
                  >
                    Create account
                  </Link>
                </>
              )}
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
