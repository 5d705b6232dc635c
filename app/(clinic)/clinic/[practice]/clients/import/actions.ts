"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { confirmImport, previewImport } from "@/lib/clients/import/run-import";
import { readImportUpload } from "@/lib/clients/import/read-upload";
import { invalid } from "@/lib/errors/domain-error";

// Thin: the file travels in FormData on both steps (nothing is staged between them, decision 0029).

export const previewImportAction = memberAction("clients.edit", z.tuple([z.instanceof(FormData)]), async (scope, [form]) => {
  const read = await readImportUpload(form);
  if (!read.ok) return read;
  return previewImport(scope, read.upload);
});

export const confirmImportAction = memberAction("clients.edit", z.tuple([z.instanceof(FormData)]), async (scope, [form]) => {
  const read = await readImportUpload(form);
  if (!read.ok) return read;
  const { fingerprint, expected } = read.upload;
  if (!fingerprint || !expected) return invalid({ form: ["Preview the file before importing it"] });
  const result = await confirmImport(scope, { ...read.upload, fingerprint, expected }, new Date());
  if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/clients`);
  return result;
});
