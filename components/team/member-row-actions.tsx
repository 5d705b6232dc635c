"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { changeRoleAction, removeMemberAction } from "@/app/(clinic)/clinic/[practice]/settings/team/actions";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
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
          onChange={(e) =>
            run(() =>
              changeRoleAction(practiceSlug, {
                memberId,
                role: e.target.value,
              }),
            )
          }
        >
          {assignableRoles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
        <ConfirmButton
          label="Remove"
          title={`Remove ${memberName} from the team?`}
          description={
            <>
              <p>They can no longer open this practice; their past work stays in the records.</p>
              <p>No one is emailed.</p>
            </>
          }
          confirmLabel={`Remove ${memberName}`}
          disabled={pending}
          onConfirm={() => run(() => removeMemberAction(practiceSlug, { memberId }))}
        />
      </div>
      {error ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
