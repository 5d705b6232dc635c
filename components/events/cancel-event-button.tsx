"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelEventAction } from "@/app/(clinic)/clinic/[practice]/events/actions";
import { ConfirmButton } from "@/components/ui/confirm-dialog";

/**
 * Cancelling a whole event refunds every paid seat and emails everyone, and
 * cannot be undone: it asks first, saying what will happen to whom.
 */
export function CancelEventButton({ slug, eventId, confirmed, takesCredits }: { slug: string; eventId: string; confirmed: number; takesCredits: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const who = confirmed === 0 ? "Nobody has a confirmed place yet." : `${confirmed === 1 ? "The 1 confirmed booking" : `All ${confirmed} confirmed bookings`} will be emailed, each attendee on their own.`;
  return (
    <div className="space-y-1">
      <ConfirmButton
        label={takesCredits ? "Cancel the event, refund every paid seat and return credits" : "Cancel the event and refund every paid seat"}
        disabled={pending}
        title="Cancel this event?"
        description={
          <>
            <p>Every paid seat is refunded in full{takesCredits ? " and every package credit used is returned" : ""}, and the waitlist is closed. This cannot be undone.</p>
            <p>{who}</p>
          </>
        }
        cancelLabel="Keep the event"
        confirmLabel="Cancel the event"
        onConfirm={() =>
          startTransition(async () => {
            setError(null);
            const result = await cancelEventAction(slug, eventId);
            if (!result.ok) setError(Object.values(result.errors)[0]?.[0] ?? "The event could not be cancelled");
            else router.refresh();
          })
        }
      />
      {error ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
