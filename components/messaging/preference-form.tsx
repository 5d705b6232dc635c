"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveMessagePreferenceAction } from "@/app/(portal)/portal/[clientId]/messages/actions";
import { Button } from "@/components/ui/button";
import { FormError, SavedStatus } from "@/components/ui/field";

/** One email per new message (at most one per conversation in ten minutes), or one a day. */
export function MessagePreferenceForm({ clientId, mode }: { clientId: string; mode: "each" | "digest" }) {
  const router = useRouter();
  const [value, setValue] = useState(mode);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setSaved(false);
        const result = await saveMessagePreferenceAction(clientId, { emailMode: value });
        setBusy(false);
        if (!result.ok) return setError(Object.values(result.errors)[0]?.[0]);
        setError(undefined);
        setSaved(true);
        router.refresh();
      }}
    >
      <FormError message={error} />
      <fieldset className="space-y-2">
        <legend className="text-sm text-muted">The email never shows the message, only that one is waiting.</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="emailMode" value="each" checked={value === "each"} onChange={() => setValue("each")} className="size-5" />
          An email for each new message
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="emailMode" value="digest" checked={value === "digest"} onChange={() => setValue("digest")} className="size-5" />
          One email a day at most
        </label>
      </fieldset>
      <Button type="submit" variant="secondary" disabled={busy}>
        {busy ? "Saving…" : "Save"}
      </Button>
      <SavedStatus show={saved} />
    </form>
  );
}
