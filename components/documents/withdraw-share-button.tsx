"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revokeShareAction } from "@/app/(clinic)/clinic/[practice]/documents/actions";
import { ConfirmButton } from "@/components/ui/confirm-dialog";

/** Withdraw a share from the portal; signatures already given stay with the record. */
export function WithdrawShareButton({ practiceSlug, clientId, shareId, title }: { practiceSlug: string; clientId: string; shareId: string; title: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <ConfirmButton
        label="Withdraw"
        title={`Withdraw "${title}"?`}
        description={
          <>
            <p>It leaves the client&apos;s portal; no one can sign it any more. Signatures already given stay with the record.</p>
            <p>No one is emailed.</p>
          </>
        }
        confirmLabel="Withdraw the document"
        disabled={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await revokeShareAction(practiceSlug, clientId, shareId);
            if (!result.ok) setError(result.errors.form?.[0] ?? "The document could not be withdrawn");
            else router.refresh();
          })
        }
      />
      {error ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </>
  );
}
