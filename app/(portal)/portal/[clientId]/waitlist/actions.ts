"use server";

import { z } from "zod";
import { clientAction } from "@/lib/actions/client-action";
import { uuidArg } from "@/lib/actions/args";
import { joinWaitlist } from "@/lib/waitlist/join";
import { leaveWaitlist } from "@/lib/waitlist/leave";

// Thin: the wrapper proves the signed-in user owns this client record; the domain parses (the shared schema) and writes.
export const joinWaitlistAction = clientAction(z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await joinWaitlist(scope.client.practiceId, { clientId: scope.client.id, userId: scope.user.id }, input, new Date());
  return result.ok ? { ok: true as const } : result;
});

export const leaveWaitlistAction = clientAction(z.tuple([uuidArg("This place on the waitlist was not found")]), async (scope, [entryId]) =>
  leaveWaitlist({ kind: "client", practiceId: scope.client.practiceId, clientId: scope.client.id, userId: scope.user.id }, entryId, new Date()),
);
