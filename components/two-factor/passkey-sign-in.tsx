"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useState } from "react";
import { passkeySignInOptionsAction, verifyPasskeyAction } from "@/app/(public)/sign-in/second-factor/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useWebAuthnSupport } from "./use-webauthn-support";

/** Shown only where the browser has WebAuthn; otherwise the code forms stand alone. */
export function PasskeySignIn({ onDone }: { onDone: () => void }) {
  const supported = useWebAuthnSupport();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  if (!supported) return null;

  async function run() {
    setError(undefined);
    setPending(true);
    try {
      const options = await passkeySignInOptionsAction();
      if (!options.ok) return setError(Object.values(options.errors)[0]?.[0]);
      let response;
      try {
        response = await startAuthentication({ optionsJSON: options.options });
      } catch {
        return setError("The passkey was not used. Try again, or enter a code instead.");
      }
      const result = await verifyPasskeyAction(response);
      if (!result.ok) return setError(Object.values(result.errors)[0]?.[0]);
      onDone();
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button onClick={run} disabled={pending} className="w-full sm:w-auto">
        {pending ? "Waiting for your passkey…" : "Use a passkey"}
      </Button>
    </div>
  );
}
