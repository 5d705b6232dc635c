"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { regenerateRecoveryCodesAction } from "@/app/(clinic)/account/security/actions";
import { FormError } from "@/components/ui/field";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { RecoveryCodesDisplay } from "./recovery-codes-display";

export function RecoveryCodesPanel({ left }: { left: number }) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, startTransition] = useTransition();
  if (codes) return <RecoveryCodesDisplay codes={codes} onDone={() => { setCodes(null); router.refresh(); }} />;
  return (
    <div className="space-y-3">
      <p>
        {left === 1 ? "1 unused code left." : `${left} unused codes left.`} {left <= 3 ? "Make new ones soon." : null}
      </p>
      <FormError message={error} />
      <ConfirmButton
        label="Make new recovery codes"
        title="Make new recovery codes?"
        description="Your current codes will stop working. Save the new ones as soon as they appear."
        confirmLabel="Make new codes"
        disabled={busy}
        onConfirm={() =>
          startTransition(async () => {
            const result = await regenerateRecoveryCodesAction();
            if (!result.ok) setError(Object.values(result.errors)[0]?.[0]);
            else setCodes(result.recoveryCodes);
          })
        }
      />
    </div>
  );
}
