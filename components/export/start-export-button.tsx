"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { requestPracticeExportAction } from "@/app/(clinic)/clinic/[practice]/settings/export/actions";
import { Button } from "@/components/ui/button";

/** Starts a whole-practice export; says what happened. */
export function StartExportButton({ practiceSlug }: { practiceSlug: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await requestPracticeExportAction(practiceSlug);
            setNotice({ ok: result.ok, text: result.message });
            router.refresh();
          })
        }
      >
        {pending ? "Starting…" : "Export the whole practice"}
      </Button>
      {notice ? (
        <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "text-brand-strong" : "text-danger"}>
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}

/** While an export is queued or running, asks the server for the page again every two seconds (the progress row). */
export function RefreshWhileRunning({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
