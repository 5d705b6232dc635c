"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { chargeFeeAction, confirmWithoutPaymentAction } from "@/app/(clinic)/clinic/[practice]/billing/actions";
import { Button } from "@/components/ui/button";

/** One click: charge the policy fee to the card on file; says plainly what happened. */
export function ChargeFeeButton({ practiceSlug, appointmentId, kind, label, paid }: { practiceSlug: string; appointmentId: string; kind: "no_show" | "late_cancel"; label: string; paid: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-2">
      {paid ? null : (
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await chargeFeeAction(practiceSlug, appointmentId, kind);
            setNotice({ ok: result.ok && result.outcome === "charged", text: result.message });
            router.refresh();
          })
        }
      >
        {pending ? "Charging…" : label}
      </Button>
      )}
      {notice ? (
        <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "text-brand-strong" : "text-danger"}>
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}

/** Staff confirm a booking still waiting for (part of) its payment. */
export function ConfirmUnpaidButton({ practiceSlug, appointmentId }: { practiceSlug: string; appointmentId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await confirmWithoutPaymentAction(practiceSlug, appointmentId);
            setNotice({ ok: result.ok, text: result.message });
            router.refresh();
          })
        }
      >
        Confirm without waiting for payment
      </Button>
      {notice ? (
        <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "text-brand-strong" : "text-danger"}>
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
