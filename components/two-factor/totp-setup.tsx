"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { confirmTotpAction, removeTotpAction, startTotpAction } from "@/app/(clinic)/account/security/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { TotpEnrolment } from "@/lib/two-factor/manage-factors";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { RecoveryCodesDisplay } from "./recovery-codes-display";
import { TotpCodeForm } from "./totp-code-form";

type Enrolment = Omit<TotpEnrolment, "uri">;

export function TotpSetup({ enrolledSince, pending }: { enrolledSince: string | null; pending: Enrolment | null }) {
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(pending);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, startTransition] = useTransition();

  if (codes) return <RecoveryCodesDisplay codes={codes} onDone={() => { setCodes(null); router.refresh(); }} />;

  if (enrolledSince) {
    return (
      <div className="space-y-3">
        <p>
          <span className="font-medium text-ok">On</span> since {enrolledSince}.
        </p>
        <FormError message={error} />
        <ConfirmButton
          label="Remove authenticator app"
          title="Remove your authenticator app?"
          description="Its codes will stop working for your account. If your practice requires two-step sign-in, you will be asked to set one up again."
          confirmLabel="Remove"
          disabled={busy}
          onConfirm={() =>
            startTransition(async () => {
              const result = await removeTotpAction();
              if (!result.ok) setError(Object.values(result.errors)[0]?.[0]);
              else router.refresh();
            })
          }
        />
      </div>
    );
  }

  if (!enrolment) {
    return (
      <div className="space-y-3">
        <p className="text-muted">Use an app such as 1Password, Google Authenticator or Microsoft Authenticator.</p>
        <FormError message={error} />
        <Button
          disabled={busy}
          onClick={() =>
            startTransition(async () => {
              setError(undefined);
              const result = await startTotpAction();
              if (!result.ok) return setError(Object.values(result.errors)[0]?.[0]);
              const { secret, secretForDisplay, qrSvg } = result.enrolment;
              setEnrolment({ secret, secretForDisplay, qrSvg });
            })
          }
        >
          Set up an authenticator app
        </Button>
      </div>
    );
  }

  return (
    <ol className="space-y-5">
      <li>
        <p className="font-medium">1. Scan this QR code with your authenticator app</p>
        <div
          role="img"
          aria-label="QR code for your authenticator app"
          className="mt-2 w-48 max-w-full rounded-md border border-line bg-white p-1"
          // An SVG the server made with the qrcode package from our own otpauth URI: markup, no script.
          dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
        />
      </li>
      <li>
        <p className="font-medium">2. Or type this setup key into the app</p>
        <p className="mt-1 text-sm text-muted">Choose a time-based key if the app asks.</p>
        <p className="mt-2">
          <span className="sr-only">Setup key: </span>
          <code data-testid="totp-setup-key" className="break-all rounded bg-canvas px-2 py-1 font-mono text-base">
            {enrolment.secretForDisplay}
          </code>
        </p>
      </li>
      <li>
        <p className="mb-2 font-medium">3. Enter the code the app shows</p>
        <TotpCodeForm
          submit={confirmTotpAction}
          submitLabel="Turn on"
          onDone={(result) => {
            if (result.recoveryCodes) setCodes(result.recoveryCodes);
            else router.refresh();
          }}
        />
      </li>
    </ol>
  );
}
