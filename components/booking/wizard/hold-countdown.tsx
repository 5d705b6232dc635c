"use client";

import { useEffect, useRef, useState } from "react";

const remainingMs = (expiresAt: string) => Date.parse(expiresAt) - Date.now();

function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * "Held for 9:41", ticking every second. Screen readers hear it only when the
 * minute changes (a polite live region with whole minutes), not every second.
 * At zero it calls `onExpired` once.
 */
export function HoldCountdown({ expiresAt, onExpired }: { expiresAt: string; onExpired: () => void }) {
  const [left, setLeft] = useState(() => remainingMs(expiresAt));
  const expired = useRef(onExpired);
  useEffect(() => {
    expired.current = onExpired;
  }, [onExpired]);

  useEffect(() => {
    let done = false;
    const tick = () => {
      const ms = remainingMs(expiresAt);
      setLeft(ms);
      if (ms <= 0 && !done) {
        done = true;
        expired.current();
      }
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [expiresAt]);

  const minutes = Math.max(0, Math.ceil(left / 60_000));
  return (
    <p className="mt-1 flex flex-wrap items-baseline gap-x-2 text-sm">
      <span aria-hidden="true" className="rounded-md bg-brand-soft px-2 py-0.5 font-semibold tabular-nums text-ink">
        Held for {clock(left)}
      </span>
      <span className="text-muted" aria-hidden="true">
        Finish your details before then.
      </span>
      <span className="sr-only" aria-live="polite">
        {minutes > 1 ? `This time is held for you for ${minutes} more minutes.` : minutes === 1 ? "This time is held for you for less than a minute more." : "The hold has run out."}
      </span>
    </p>
  );
}
