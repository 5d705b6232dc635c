"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { passkeyRegistrationOptionsAction, registerPasskeyAction, removePasskeyAction } from "@/app/(clinic)/account/security/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { passkeyNameSchema } from "@/lib/two-factor/two-factor-schema";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { RecoveryCodesDisplay } from "./recovery-codes-display";
import { useWebAuthnSupport } from "./use-webauthn-support";

export interface PasskeyRow {
  id: string;
  name: string;
  addedOn: string;
  lastUsedOn: string | null;
}

export function PasskeyManager({ passkeys, canAdd }: { passkeys: PasskeyRow[]; canAdd: boolean }) {
  const router = useRouter();
  const supported = useWebAuthnSupport();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, startTransition] = useTransition();

  if (codes) return <RecoveryCodesDisplay codes={codes} onDone={() => { setCodes(null); router.refresh(); }} />;

  function add() {
    setError(undefined);
    const parsed = passkeyNameSchema.safeParse({ name });
    if (!parsed.success) return setNameError(parsed.error.issues[0]?.message);
    setNameError(undefined);
    startTransition(async () => {
      const options = await passkeyRegistrationOptionsAction();
      if (!options.ok) return setError(Object.values(options.errors)[0]?.[0]);
      let response;
      try {
        response = await startRegistration({ optionsJSON: options.options });
      } catch {
        return setError("The passkey was not created. Try again.");
      }
      const result = await registerPasskeyAction({ name: parsed.data.name, response });
      if (!result.ok) {
        if (result.errors.name) return setNameError(result.errors.name[0]);
        return setError(Object.values(result.errors)[0]?.[0]);
      }
      setName("");
      if (result.recoveryCodes) setCodes(result.recoveryCodes);
      else router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      {passkeys.length ? (
        <ul className="divide-y divide-line" aria-label="Your passkeys">
          {passkeys.map((p) => (
            <li key={p.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-medium">{p.name}</p>
                <p className="text-sm text-muted">
                  Added {p.addedOn}
                  {p.lastUsedOn ? ` · last used ${p.lastUsedOn}` : ""}
                </p>
              </div>
              <ConfirmButton
                label={`Remove ${p.name}`}
                title={`Remove the passkey “${p.name}”?`}
                description="It will no longer sign you in."
                confirmLabel="Remove"
                disabled={busy}
                onConfirm={() =>
                  startTransition(async () => {
                    const result = await removePasskeyAction({ passkeyId: p.id });
                    if (!result.ok) setError(Object.values(result.errors)[0]?.[0]);
                    else router.refresh();
                  })
                }
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">No passkeys yet.</p>
      )}
      <FormError message={error} />
      {supported === false ? (
        <p className="text-sm text-muted">This browser cannot create passkeys. Use an authenticator app instead, or try another browser.</p>
      ) : supported && canAdd ? (
        <div className="space-y-3">
          <Field label="Passkey name" hint="So you can tell your devices apart, like “Work laptop”." error={nameError}>
            {(ids) => <Input {...ids} value={name} maxLength={60} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Button variant="secondary" onClick={add} disabled={busy}>
            {busy ? "Waiting for your device…" : "Add a passkey"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
