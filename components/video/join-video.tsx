import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatDay, formatTime } from "@/lib/dates";
import type { JoinState } from "@/lib/video/join-window";

/**
 * An online session's join button, from 15 minutes before the start until
 * the end; before that, when it will appear. Nothing for anything else
 * (in person, cancelled, over). The state comes from `joinState(…, now)`.
 */
export function JoinVideo({ state, timeZone, locale, className }: { state: JoinState; timeZone: string; locale?: string | null; className?: string }) {
  if (state.kind === "none") return null;
  if (state.kind === "later") {
    return (
      <p className={cn("text-sm text-muted", className)}>
        The Join video session button appears here at {formatTime(state.opensAt, { zone: timeZone, locale })} on {formatDay(state.opensAt, { zone: timeZone, locale })}, 15 minutes before the start.
      </p>
    );
  }
  return (
    <a href={state.url} target="_blank" rel="noopener noreferrer" className={buttonClass("primary", "sm", cn("shrink-0", className))}>
      Join video session<span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
