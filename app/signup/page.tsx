import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth-forms";
import { Card } from "@/components/ui";
import { safeReturnUrl } from "@/lib/auth/return-url";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnUrl((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">Create your account</h1>
      <p className="mb-4 text-slate-600">Students sign up here, then join a course with the code their instructor gives them.</p>
      <Card>
        <SignUpForm next={next} />
      </Card>
    </div>
  );
}
