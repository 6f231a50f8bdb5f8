import Link from "next/link";
import { StatusPage } from "@/components/ui";

export default function NotFound() {
  return (
    <StatusPage code="404" title="We could not find that page">
      It may have moved, or you may not be part of that course.{" "}
      <Link href="/" className="text-accent-700 underline">
        Go to your courses
      </Link>
      .
    </StatusPage>
  );
}
