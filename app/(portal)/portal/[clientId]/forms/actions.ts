"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientAction } from "@/lib/actions/client-action";
import { clientIp } from "@/lib/http/client-ip";
import { saveDraft, submitResponse, type RespondResult } from "@/lib/intake/respond";

// Thin: the client guard first (the wrapper), then the domain, which validates the answers.

const NOT_FOUND = "This form was not found";
const args = z.tuple([z.string({ message: NOT_FOUND }), z.unknown()]);
/** An id that is not even a string answers as the domain does for any unknown assignment. */
const notFound = (message: string): RespondResult => ({ ok: false, code: "not_found", errors: { form: [message] }, message });

/** Autosave: the signed-in client's own assignment only (anything else is "not found"). */
export const saveDraftAction = clientAction(
  args,
  async ({ client, user }, [assignmentId, input]) => saveDraft({ id: client.id, practiceId: client.practiceId, userId: user.id }, assignmentId, input, new Date()),
  notFound,
);

export const submitFormAction = clientAction(
  args,
  async ({ client, user }, [assignmentId, input]) =>
    submitResponse({ id: client.id, practiceId: client.practiceId, userId: user.id }, assignmentId, input, { ip: clientIp(await headers()), now: new Date() }),
  notFound,
);
