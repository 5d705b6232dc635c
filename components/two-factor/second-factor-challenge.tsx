"use client";

import { useRouter } from "next/navigation";
import { verifyTotpAction } from "@/app/(public)/sign-in/second-factor/actions";
import { PasskeySignIn } from "./passkey-sign-in";
import { RecoveryCodeForm } from "./recovery-code-form";
import { TotpCodeForm } from "./totp-code-form";

export function SecondFactorChallenge({ next, hasTotp, hasPasskey }: { next: string; hasTotp: boolean; hasPasskey: boolean }) {
  const router = useRouter();
  const done = () => {
    router.replace(next);
    router.refresh();
  };
  return (
    <div className="space-y-6">
      {hasPasskey ? <PasskeySignIn onDone={done} /> : null}
      {hasTotp ? <TotpCodeForm submit={verifyTotpAction} onDone={done} submitLabel="Continue" /> : null}
      <details className="rounded-md border border-line p-3">
        <summary className="cursor-pointer font-medium text-brand">Use a recovery code</summary>
        <div className="mt-3">
          <RecoveryCodeForm onDone={done} />
        </div>
      </details>
    </div>
  );
}
