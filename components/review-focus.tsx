"use client";
// After moving to another question of the review, the focus goes to it (and a screen reader
// reads it), not back to the top of the page. The first render leaves the focus alone: a page
// that has just loaded starts where the browser starts it.
import { useEffect, useRef, type ReactNode } from "react";

export function ReviewFocus({ at, children }: { at: number | "all"; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const shown = useRef(at);
  useEffect(() => {
    if (shown.current === at) return;
    shown.current = at;
    // The question's own region, so what is read first is its name ("Question 3 review").
    const region = box.current?.querySelector<HTMLElement>("section") ?? box.current;
    if (!region) return;
    if (!region.hasAttribute("tabindex")) region.setAttribute("tabindex", "-1");
    region.focus();
  }, [at]);
  return (
    <div ref={box} className="flex flex-col gap-6" data-testid="review-shown">
      {children}
    </div>
  );
}
