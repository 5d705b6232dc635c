"use client";

import { Button } from "@/components/ui/button";

/** Recovery codes in clear, shown once right after they are made; only their hashes are kept. */
export function RecoveryCodesDisplay({ codes, onDone, doneLabel = "I have saved these codes" }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  return (
    <div role="status" className="space-y-3 rounded-md border border-warn/40 bg-warn-soft p-4">
      <h3 className="font-semibold">Save your recovery codes</h3>
      <p className="text-sm">
        If you lose your phone or passkey, each of these codes signs you in once. Keep them somewhere safe, like a password
        manager. They will not be shown again.
      </p>
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-base">
        {codes.map((code) => (
          <li key={code} className="rounded bg-surface px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ol>
      <Button onClick={onDone}>{doneLabel}</Button>
    </div>
  );
}
