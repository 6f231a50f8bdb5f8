"use client";
// The course header and staff tab bar. A client leaf only because the active tab comes from
// the route segment below the course layout, which a layout cannot read on the server.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useSelectedLayoutSegment } from "next/navigation";
import { FOCUSED_SEGMENTS, type CourseTab } from "@/app/courses/[courseId]/tabs";
import { ScrollFades, useScrollEdges } from "./scroll-edges";

export type CourseNavProps = {
  course: { id: string; code: string; title: string; term: string | null };
  /** Each tab's label in the reader's language, and its segment. */
  tabs: readonly { label: string; segment: CourseTab["segment"] }[];
};

export function CourseNav({ course, tabs }: CourseNavProps) {
  const current = useSelectedLayoutSegment();
  const { ref, edges } = useScrollEdges<HTMLUListElement>();
  const t = useTranslations("courses.tabs");
  if (current && FOCUSED_SEGMENTS.includes(current)) return null;
  return (
    <div className="mb-6 border-b border-slate-200">
      <p className="text-sm text-slate-600">
        <span className="font-mono">{course.code}</span> · {course.title}
        {course.term ? ` · ${course.term}` : ""}
      </p>
      <nav aria-label={t("label")} className="relative mt-1">
        <ul ref={ref} className="relative -mb-px flex gap-1 overflow-x-auto pt-1">
          {tabs.map((tab) => {
            const active = tab.segment === current;
            return (
              <li key={tab.segment ?? ""} className="shrink-0">
                <Link
                  href={tab.segment ? `/courses/${course.id}/${tab.segment}` : `/courses/${course.id}`}
                  aria-current={active ? "page" : undefined}
                  className={`inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium focus-visible:-outline-offset-3 ${
                    active
                      ? "border-accent-700 text-accent-800"
                      : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                  }`}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <ScrollFades edges={edges} from="slate-50" />
      </nav>
    </div>
  );
}
