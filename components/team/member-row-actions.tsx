"use client";

import { AlertDialog } from "radix-ui";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { changeRoleAction, removeMemberAction } from "@/app/(clinic)/clinic/[practice]/settings/team/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { MemberRole } from "@/db/schema";

export function MemberRowActions({
  practiceSlug,
  memberId,
  memberName,
  role,
  assignableRoles,
}: {
  practiceSlug: string;
  memberId: string;
  memberName: string;
  role: MemberRole;
  assignableRoles: MemberRole[];
}) {
  const router = useRouter();
  const selectId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<{ ok: true } | { ok: false; errors: Record<string, string[]> }>) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(Object.values(result.errors)[0]?.[0] ?? "That did not work");
      else router.refresh();
    });
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role for {memberName}
        </label>
        <Select
          id={selectId}
          className="w-auto"
          value={role}
          disabled={pending}
          onChange={(e) => run(() => changeRoleAction(practiceSlug, { memberId, role: e.target.value }))}
        >
          {assignableRoles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
        <AlertDialog.Root>
          <AlertDialog.Trigger className={buttonClass("secondary", "sm")} disabled={pending}>
            Remove
          </AlertDialog.Trigger>
          <AlertDialog.Portal>
            <AlertDialog.Overlay className="fixed inset-0 bg-black/40" />
            <AlertDialog.Content className="fixed left-1/2 top-1/2 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-surface p-6 shadow-xl">
              <AlertDialog.Title className="text-lg font-semibold">Remove {memberName}?</AlertDialog.Title>
              <AlertDialog.Description className="mt-2 text-muted">
                They will no longer be able to open this practice. Their past work stays in the records.
              </AlertDialog.Description>
              <div className="mt-4 flex justify-end gap-2">
                <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
                <AlertDialog.Action asChild>
                  <Button variant="danger" onClick={() => run(() => removeMemberAction(practiceSlug, { memberId }))}>
                    Remove
                  </Button>
                </AlertDialog.Action>
              </div>
            </AlertDialog.Content>
          </AlertDialog.Portal>
        </AlertDialog.Root>
      </div>
      {error ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
