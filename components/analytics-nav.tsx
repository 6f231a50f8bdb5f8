"use client";
// The sub-navigation of a course's analytics: the item analysis and the misconceptions. A
// client leaf only because the current page comes from the route, which a layout cannot read.
import Link from "next/link";
import { useSelectedLayoutSegment } from "next/navigation";

export function AnalyticsNav({
  courseId,
  label,
  items,
  misconceptions,
}: {
  courseId: string;
  label: string;
  items: string;
  misconceptions: string;
}) {
  const segment = useSelectedLayoutSegment();
  const links = [
    { href: `/courses/${courseId}/analytics`, text: items, current: segment === null },
    { href: `/courses/${courseId}/analytics/misconceptions`, text: misconceptions, current: segment === "misconceptions" },
  ];
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.current ? "page" : undefined}
              className={`inline-block rounded-full px-3 py-1 text-sm font-medium ${
                link.current ? "bg-accent-700 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
              }`}
            >
              {link.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
