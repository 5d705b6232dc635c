"use server";

import { z } from "zod";
import { clientAction } from "@/lib/actions/client-action";
import { makeClientFeedLink, revokeClientFeed } from "@/lib/calendar/feeds";

// Thin: clientAction proves the signed-in user owns this client record first.

export const makeOwnFeedLinkAction = clientAction(z.tuple([]), async (scope) => {
  const link = await makeClientFeedLink(scope);
  return { ok: true as const, url: link.url };
}, (message) => ({ ok: false as const, message }));

export const revokeOwnFeedLinkAction = clientAction(z.tuple([]), async (scope) => {
  await revokeClientFeed(scope);
  return { ok: true as const };
}, (message) => ({ ok: false as const, message }));
