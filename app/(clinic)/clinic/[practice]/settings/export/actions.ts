"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { messageFailure } from "@/lib/actions/args";
import { requestPracticeExport } from "@/lib/export/practice-export";

// No input: the practice is the scope, the job does the rest (lib/export/practice-export.ts).
export const requestPracticeExportAction = memberAction(
  "data.export",
  z.tuple([]),
  async (scope) => {
    const result = await requestPracticeExport(scope);
    revalidatePath(`/clinic/${scope.practice.slug}/settings/export`);
    return { ok: true as const, message: result.alreadyRunning ? "An export is already under way; it is shown below." : "Export started. This page shows its progress." };
  },
  messageFailure,
);
