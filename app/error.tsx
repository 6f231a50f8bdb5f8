"use client";
import { StatusPage, buttonStyles } from "@/components/ui";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage code="Error" title="Something went wrong on our side">
      <p>Your saved work is safe. Try again; if it keeps happening, tell your instructor.</p>
      <button type="button" onClick={reset} className={`${buttonStyles.primary} mt-4`}>
        Try again
      </button>
    </StatusPage>
  );
}
