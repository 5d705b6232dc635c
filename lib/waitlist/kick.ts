import { runningBoss } from "@/lib/jobs/queue-handle";

/**
 * Asks the job runner (when this process runs one) to run the waitlist now rather than at the next
 * minute: after a change that may free a time (a cancellation, a move, a declined offer), whoever waits
 * for it hears within seconds, which is what makes a hold of an hour or two fair.
 */
export function kickWaitlist(): void {
  runningBoss()
    ?.send("waitlist-offers", {}, { singletonKey: "waitlist-offers", singletonSeconds: 1 })
    .catch(() => {});
}
