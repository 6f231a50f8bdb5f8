// Every page of a course: staff get the course header and tab bar above the page. The
// layout grants nothing and refuses nothing: each page keeps its own requireCourse, which
// decides the redirect, 404 or 403. The access read here is the page's own, cached for the
// request, so the layout costs no query of its own.
import type { ReactNode } from "react";
import { CourseNav } from "@/components/course-nav";
import { courseAccessFor, getSessionUser } from "@/lib/auth/session";
import { msg } from "@/lib/i18n/msg";
import { textRenderer } from "@/lib/server/text";
import { tabsFor } from "./tabs";

export default async function CourseLayout({ children, params }: { children: ReactNode; params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await getSessionUser();
  const access = user ? await courseAccessFor(user, courseId) : null;
  const tabs = access ? tabsFor(access.role) : [];
  const text = await textRenderer();
  return (
    <>
      {access && tabs.length > 0 ? (
        <CourseNav
          course={{ id: access.course.id, code: access.course.code, title: access.course.title, term: access.course.term }}
          tabs={tabs.map(({ label, segment }) => ({ label: text(msg(label)), segment }))}
        />
      ) : null}
      {children}
    </>
  );
}
