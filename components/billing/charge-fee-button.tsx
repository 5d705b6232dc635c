"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { chargeFeeAction, confirmWithoutPaymentAction } from "@/app/(clinic)/clinic/[practice]/billing/actions";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import type { FeeChargePreview } from "@/lib/billing/fee-due";

/**
 * Charges the policy fee to the card on file, after the confirm dialog has
 * said to whom, on which card, for how much and who is emailed (decision
 * 0034); then says plainly what happened.
 */
export function ChargeFeeButton({
  practiceSlug,
  appointmentId,
  kind,
  label,
  paid,
  amount,
  when,
  preview,
}: {
  practiceSlug: string;
  appointmentId: string;
  kind: "no_show" | "late_cancel";
  label: string;
  paid: boolean;
  /** The fee, formatted in the practice's currency. */
  amount: string;
  /** The session's current time. */
  when: string;
  preview: FeeChargePreview | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const name = preview?.payerName ?? "The client";
  const what = kind === "no_show" ? "no-show fee" : "late-cancellation fee";
  return (
    <div className="space-y-2">
      {paid ? null : (
        <ConfirmButton
          label={pending ? "Charging…" : label}
          variant="primary"
          size="md"
          disabled={pending}
          title={preview?.card ? `Charge ${amount} to ${name}?` : `No card on file for ${name}`}
          description={
            <>
              {preview?.card ? (
                <p>
                  The {what} for the session on {when}: <strong>{amount}</strong> is charged now to the {preview.card.brand ?? "card"} ending {preview.card.last4}.
                </p>
              ) : (
                <p>
                  Nothing is charged: the {what} for the session on {when}, <strong>{amount}</strong>, is recorded as owed, and {name} can pay it from their portal.
                </p>
              )}
              <p>
                {!preview?.payerHasEmail
                  ? `${name} has no email address: no one is emailed.`
                  : preview.card
                    ? `${name} is emailed a receipt; if the card is declined, the fee stays owed and they are emailed to pay it from their portal.`
                    : `${name} is emailed that ${amount} is due.`}
              </p>
            </>
          }
          confirmVariant="primary"
          confirmLabel={preview?.card ? `Charge ${amount}` : `Record ${amount} as owed`}
          onConfirm={() =>
            startTransition(async () => {
              const result = await chargeFeeAction(practiceSlug, appointmentId, kind);
              setNotice({
                ok: result.ok && result.outcome === "charged",
                text: result.message,
              });
              router.refresh();
            })
          }
        />
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
