"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelThisAndLaterAction } from "@/app/(clinic)/clinic/[practice]/schedule/series/actions";
import { ConfirmButton } from "@/components/ui/confirm-dialog";

/**
 * "Cancel this and all later" on an occurrence's page (decision 0054): this
 * session and the later confirmed ones of its series are cancelled, each as
 * a single cancellation would be (email, refund or fee per the service's
 * policy), and the series ends. Earlier sessions stay. Asked once in the
 * confirm dialog, which says how many sessions and who is emailed.
 */
export function SeriesActions({
  practiceSlug,
  appointmentId,
  canEnd,
  sessions,
  lateNow,
  windowHours,
  emailedLine,
  canWaive = false,
}: {
  practiceSlug: string;
  appointmentId: string;
  /** An upcoming confirmed occurrence. Kept mounted otherwise, so the answer stays after the page refreshes. */
  canEnd: boolean;
  /** Confirmed sessions from this one on. */
  sessions: number;
  /** This one starts inside the cancellation window (later ones may too). */
  lateNow: boolean;
  windowHours: number;
  emailedLine: string;
  /** The member may waive late-cancellation fees (fees.waive): the dialog offers it when this one is late. */
  canWaive?: boolean;
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [waiveFee, setWaiveFee] = useState(false);
  const label = sessions === 1 ? "this session" : `these ${sessions} sessions`;
  if (!canEnd && !notice) return null;
  return (
    <div className="space-y-2">
      {notice ? (
        <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "rounded-md bg-ok-soft px-3 py-2 text-ok" : "rounded-md bg-danger-soft px-3 py-2 text-danger"}>
          {notice.text}
        </p>
      ) : null}
      {canEnd ? (
        <ConfirmButton
          label="Cancel this and all later"
          variant="secondary"
          size="md"
          disabled={pending}
          title={`Cancel ${label} and end the series?`}
          description={
            <>
              <p>This session and every later one in the series are cancelled ({sessions} in all); earlier sessions stay as they are. No new sessions are added to the series.</p>
              <p>
                {lateNow
                  ? `This one starts within ${windowHours} hours, so it counts as a late cancellation and the late-cancellation policy applies to it.`
                  : `Sessions more than ${windowHours} hours away are cancelled in time: no fee.`}{" "}
                Each cancellation follows the service&apos;s policy (refund or returned credit), as for a single session.
              </p>
              <p>{emailedLine}</p>
            </>
          }
          cancelLabel="Keep the series"
          confirmLabel={`Cancel ${label}`}
          onConfirm={() =>
            startTransition(async () => {
              const result = await cancelThisAndLaterAction(practiceSlug, appointmentId, { waiveFee: lateNow && canWaive && waiveFee });
              setNotice({ ok: result.ok, text: result.message });
              if (result.ok) router.refresh();
            })
          }
        >
          {lateNow && canWaive ? (
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" className="size-5 accent-brand" checked={waiveFee} onChange={(e) => setWaiveFee(e.currentTarget.checked)} />
              Waive the late-cancellation fee
            </label>
          ) : null}
        </ConfirmButton>
      ) : null}
    </div>
  );
}
