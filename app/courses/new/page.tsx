import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CreateCourseForm } from "@/components/course-forms";
import { Card, PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New course" };

export default async function NewCoursePage() {
  const user = await requireUser("/courses/new");
  if (!user.canTeach && !user.isAdmin) forbidden();
  return (
    <div className="max-w-xl">
      <PageHeader title="New course" description="You will be its instructor. Students join with the code shown on the course page." />
      <Card>
        <CreateCourseForm />
      </Card>
    </div>
  );
}
