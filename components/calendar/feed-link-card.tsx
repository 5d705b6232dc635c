"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError, Input } from "@/components/ui/field";

/**
 * A private calendar address: shown, copied, replaced or turned off. The
 * actions are the page's server actions, bound to its practice or client;
 * they guard themselves. Replacing or turning off asks first, because every
 * calendar subscribed to the old address stops updating.
 */
export function FeedLinkControls({
  url,
  make,
  revoke,
  who,
}: {
  url: string | null;
  make: () => Promise<{ ok: true; url: string } | { ok: false; message: string }>;
  revoke: () => Promise<{ ok: true } | { ok: false; message: string }>;
  /** "your sessions" (clinician) or "your sessions with <practice>" (client). */
  who: string;
}) {
  const [current, setCurrent] = useState(url);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [confirm, setConfirm] = useState<"replace" | "revoke" | null>(null);
  const [pending, start] = useTransition();

  const run = (kind: "make" | "revoke") =>
    start(async () => {
      setError(undefined);
      setStatus(null);
      if (kind === "make") {
        const r = await make();
        if (!r.ok) return setError(r.message);
        setCurrent(r.url);
        setStatus(current ? "New address made. The old one no longer works: subscribe again with this one." : "Address made. Copy it into your calendar app.");
      } else {
        const r = await revoke();
        if (!r.ok) return setError(r.message);
        setCurrent(null);
        setStatus("Turned off. Calendars subscribed to that address stop updating.");
      }
    });

  const copy = async () => {
    if (!current) return;
    try {
      await navigator.clipboard.writeText(current);
      setStatus("Copied.");
    } catch {
      setStatus("Select the address and copy it.");
    }
  };

  return (
    <div className="space-y-3">
      {current ? (
        <>
          <Field label="Calendar address" hint={`Private: anyone with it sees ${who}. In Google Calendar: Other calendars → From URL. On an iPhone: Settings → Calendar → Accounts → Add subscribed calendar.`}>
            {(ids) => <Input {...ids} readOnly value={current} onFocus={(e) => e.currentTarget.select()} spellCheck={false} className="font-mono text-sm" />}
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="button" size="sm" onClick={copy}>
              Copy address
            </Button>
            <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={() => setConfirm("replace")}>
              Make a new address
            </Button>
            <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={() => setConfirm("revoke")}>
              Turn off
            </Button>
          </div>
        </>
      ) : (
        <Button type="button" size="sm" disabled={pending} onClick={() => run("make")}>
          Make a calendar address
        </Button>
      )}
      <FormError message={error} />
      {status ? (
        <p role="status" className="text-sm text-brand-strong">
          {status}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => (open ? null : setConfirm(null))}
        title={confirm === "revoke" ? "Turn off this calendar address?" : "Make a new calendar address?"}
        description={
          confirm === "revoke"
            ? "Calendars subscribed to it stop updating. You can make a new address later."
            : "The current address stops working at once; calendars subscribed to it stop updating until you subscribe with the new one."
        }
        confirmLabel={confirm === "revoke" ? "Turn off the address" : "Make a new address"}
        onConfirm={() => {
          const kind = confirm === "revoke" ? "revoke" : "make";
          setConfirm(null);
          run(kind);
        }}
      />
    </div>
  );
}
