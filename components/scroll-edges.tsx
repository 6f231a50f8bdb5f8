"use client";
// Whether a horizontally scrolling box has more content past its left or right edge, so the
// box can show a fade there: on a phone, a tab bar or a wide table scrolls inside itself and
// the fade says so.
import { useEffect, useRef, useState } from "react";

export type ScrollEdges = { start: boolean; end: boolean };

export function useScrollEdges<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [edges, setEdges] = useState<ScrollEdges>({ start: false, end: false });
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const update = () => {
      const start = box.scrollLeft > 1;
      const end = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
      setEdges((prev) => (prev.start === start && prev.end === end ? prev : { start, end }));
    };
    // A ResizeObserver reports once as soon as it observes, which also gives the first reading.
    const observer = new ResizeObserver(update);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    box.addEventListener("scroll", update, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", update);
    };
  }, []);
  return { ref, edges, overflowing: edges.start || edges.end };
}

/** The fades at the edges that have more content; `from` is the background they fade from. */
export function ScrollFades({ edges, from }: { edges: ScrollEdges; from: "white" | "slate-50" }) {
  const colour = from === "white" ? "from-white" : "from-slate-50";
  return (
    <>
      {edges.start ? (
        <span aria-hidden="true" className={`pointer-events-none absolute inset-y-0 left-0 w-8 bg-linear-to-r ${colour} to-transparent`} />
      ) : null}
      {edges.end ? (
        <span
          aria-hidden="true"
          className={`pointer-events-none absolute inset-y-0 right-0 flex w-10 items-center justify-end bg-linear-to-l ${colour} to-transparent pr-0.5 text-slate-500`}
        >
          ›
        </span>
      ) : null}
    </>
  );
}
