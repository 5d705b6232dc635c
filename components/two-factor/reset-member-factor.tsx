"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { resetSecondFactorAction } from "@/app/(clinic)/clinic/[practice]/settings/team/actions";
import { ConfirmButton } from "@/components/ui/confirm-dialog";

/** An owner's reset for a member who lost their device; asks first, then tells the member by email. */
export function ResetMemberFactor({ practiceSlug, memberId, memberName }: { practiceSlug: string; memberId: string; memberName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, startTransition] = useTransition();
  return (
    <div className="space-y-1">
      <ConfirmButton
        label={`Reset two-step sign-in for ${memberName}`}
        title={`Reset ${memberName}'s two-step sign-in?`}
        description="Their authenticator app, passkeys and recovery codes stop working and they are signed out everywhere. Do this only after checking it is really them who lost their device. They will get an email about it."
        confirmLabel="Reset"
        disabled={busy}
        onConfirm={() =>
          startTransition(async () => {
            setError(null);
            const result = await resetSecondFactorAction(practiceSlug, { memberId });
            if (!result.ok) return setError(Object.values(result.errors)[0]?.[0] ?? "That did not work");
            setDone(true);
            router.refresh();
          })
        }
      />
      {done ? (
        <p role="status" className="text-sm text-ok">
          Reset. {memberName} has been told by email.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
