"use client";

import { joinWaitlistAction, leaveWaitlistAction } from "@/app/(portal)/portal/[clientId]/waitlist/actions";
import { ActionButton } from "@/components/ui/action-button";
import type { JoinOptions } from "@/lib/waitlist/portal-waitlist";
import { JoinWaitlistForm } from "./join-waitlist-form";

/** The portal's join form, bound to the client's own action. */
export function PortalWaitlistJoin({ clientId, options, weekdays, defaultServiceId }: { clientId: string; options: JoinOptions; weekdays: string[]; defaultServiceId?: string }) {
  return <JoinWaitlistForm options={options} weekdays={weekdays} defaultServiceId={defaultServiceId} submit={(values) => joinWaitlistAction(clientId, values)} submitLabel="Join the waitlist" />;
}

export function PortalWaitlistLeave({ clientId, entryId, label }: { clientId: string; entryId: string; label: string }) {
  return <ActionButton action={() => leaveWaitlistAction(clientId, entryId)} label="Leave the waitlist" busyLabel="Leaving…" failure="Could not leave the waitlist" ariaLabel={`Leave the waitlist for ${label}`} />;
}
