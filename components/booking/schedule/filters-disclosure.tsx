"use client";

import { useEffect, useRef, type ReactNode } from "react";

const WIDE = "(min-width: 768px)";

/**
 * The schedule's filters behind a "Filters" disclosure: closed on a phone, so
 * the calendar is on the first screen; opened once on a wide screen, where
 * there is room. A native <details> (uncontrolled), so it works by keyboard
 * and before hydration, and after that it is the user's to open or close.
 */
export function FiltersDisclosure({ summary, children }: { summary: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia(WIDE).matches) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} className="rounded-md border border-line bg-surface">
      <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium">
        Filters <span className="ml-2 font-normal text-muted">{summary}</span>
      </summary>
      <div className="border-t border-line p-3">{children}</div>
    </details>
  );
}
