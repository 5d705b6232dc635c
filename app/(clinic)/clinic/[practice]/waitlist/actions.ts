"use server";

import { z } from "zod";
import { uuidArg } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { addToWaitlist } from "@/lib/waitlist/join";
import { leaveWaitlist } from "@/lib/waitlist/leave";

// Thin: the wrapper checks the member may manage the waitlist; the domain checks every id is the practice's.
export const addToWaitlistAction = memberAction("waitlist.manage", z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await addToWaitlist(scope, input, new Date());
  return result.ok ? { ok: true as const } : result;
});

export const removeFromWaitlistAction = memberAction("waitlist.manage", z.tuple([uuidArg("This waitlist entry was not found")]), async (scope, [entryId]) =>
  leaveWaitlist({ kind: "staff", scope }, entryId, new Date()),
);
