import Link from "next/link";
import { StatusPage } from "@/components/ui";

export default function Forbidden() {
  return (
    <StatusPage code="403" title="You do not have access to this page">
      Your role does not include it. If you think it should,{" "}
      <Link href="/" className="text-accent-700 underline">
        go back to your courses
      </Link>{" "}
      and ask your instructor or a site administrator.
    </StatusPage>
  );
}
