"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignThreadAction, sendStaffMessageAction, setThreadStatusAction } from "@/app/(clinic)/clinic/[practice]/messages/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select } from "@/components/ui/field";
import { Composer } from "./composer";

export function StaffComposer({ slug, threadId, crisisText, templates }: { slug: string; threadId: string; crisisText: string | null; templates: { id: string; title: string; body: string }[] }) {
  return <Composer crisisText={crisisText} templates={templates} send={(form) => sendStaffMessageAction(slug, threadId, form)} />;
}

/** Assign the thread to a member, mark it done or reopen it. */
export function ThreadControls({
  slug,
  threadId,
  status,
  assignedMemberId,
  team,
}: {
  slug: string;
  threadId: string;
  status: "open" | "done";
  assignedMemberId: string | null;
  team: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [assignee, setAssignee] = useState(assignedMemberId ?? "");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<{ ok: boolean; errors?: Record<string, string[]> }>) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setError(result.ok ? undefined : Object.values(result.errors ?? {})[0]?.[0]);
    router.refresh();
  };
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <form
        className="space-y-2"
        aria-label="Assign"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => assignThreadAction(slug, threadId, assignee || null));
        }}
      >
        <Field label="Assigned to">
          {(ids) => (
            <Select {...ids} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">Nobody</option>
              {team.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" variant="secondary" size="sm" disabled={busy}>
          Save assignment
        </Button>
      </form>
      <Button variant={status === "open" ? "primary" : "secondary"} disabled={busy} onClick={() => void run(() => setThreadStatusAction(slug, threadId, status === "open" ? "done" : "open"))}>
        {status === "open" ? "Mark done" : "Reopen"}
      </Button>
    </div>
  );
}
