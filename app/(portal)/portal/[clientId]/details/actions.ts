"use server";

import { z } from "zod";
import { clientAction } from "@/lib/actions/client-action";
import { saveOwnDetails } from "@/lib/clients/save-own-details";

// Thin: the wrapper proves the signed-in user owns this client record; the domain parses and saves.
export const saveOwnDetailsAction = clientAction(z.tuple([z.unknown()]), async (scope, [input]) => saveOwnDetails(scope, input, new Date()));
