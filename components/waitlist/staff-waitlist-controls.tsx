"use client";

import { addToWaitlistAction, removeFromWaitlistAction } from "@/app/(clinic)/clinic/[practice]/waitlist/actions";
import { ActionButton } from "@/components/ui/action-button";
import type { JoinOptions } from "@/lib/waitlist/portal-waitlist";
import { JoinWaitlistForm } from "./join-waitlist-form";

/** The staff waitlist page's "Add to the waitlist", bound to the practice's action. */
export function StaffWaitlistAdd({ slug, options, weekdays, clients }: { slug: string; options: JoinOptions; weekdays: string[]; clients: { id: string; name: string; hasPartner: boolean }[] }) {
  return <JoinWaitlistForm options={options} weekdays={weekdays} clients={clients} submit={(values) => addToWaitlistAction(slug, values)} submitLabel="Add to the waitlist" />;
}

export function StaffWaitlistRemove({ slug, entryId, who }: { slug: string; entryId: string; who: string }) {
  return <ActionButton action={() => removeFromWaitlistAction(slug, entryId)} label="Remove" busyLabel="Removing…" failure="Could not remove this entry" ariaLabel={`Remove ${who} from the waitlist`} />;
}
