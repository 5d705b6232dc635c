import { runningBoss } from "@/lib/jobs/queue-handle";

/** Asks the job runner (when this process runs one) to send queued event emails now rather than at the next tick. */
export function kickEventNotices(): void {
  runningBoss()
    ?.send("events", {}, { singletonKey: "events", singletonSeconds: 1 })
    .catch(() => {});
}
