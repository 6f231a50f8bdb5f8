import type { Metadata } from "next";
import { JoinCourseForm } from "@/components/course-forms";
import { Card, PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Join a course" };

export default async function JoinPage() {
  await requireUser("/join");
  return (
    <div className="max-w-xl">
      <PageHeader title="Join a course" description="Type the join code your instructor gave you." />
      <Card>
        <JoinCourseForm />
      </Card>
    </div>
  );
}
