"use client";

import { sendClientMessageAction } from "@/app/(portal)/portal/[clientId]/messages/actions";
import { Composer } from "./composer";

/** The portal's composer, bound to the client's record and thread. */
export function ClientComposer({ clientId, threadId, crisisText }: { clientId: string; threadId: string; crisisText: string | null }) {
  return <Composer crisisText={crisisText} send={(form) => sendClientMessageAction(clientId, threadId, form)} />;
}
