"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { uploadDocument } from "@/lib/documents/library";
import { revokeShare, shareDocument } from "@/lib/documents/shares";
import { domainFormErrors } from "@/lib/http/domain-error-response";

// Thin: the wrapper guards; the domain validates with the forms' own schemas and checks the file's bytes.

export const uploadDocumentAction = memberAction("forms.send", z.tuple([z.instanceof(FormData)]), async (scope, [form]) => {
  const file = form.get("file");
  if (!(file instanceof File)) return { ok: false as const, errors: { file: ["Document: choose a PDF file"] } };
  const result = await uploadDocument(scope, { title: form.get("title"), kind: form.get("kind") }, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, new Date());
  if (!result.ok) return { ok: false as const, errors: result.errors };
  revalidatePath(`/clinic/${scope.practice.slug}/documents`);
  return { ok: true as const };
});

export const shareDocumentAction = memberAction("forms.send", z.tuple([z.string(), z.unknown()]), async (scope, [clientId, input]) => {
  const result = await shareDocument(scope, clientId, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/clients/${clientId}`);
  return { ok: true as const };
});

export const revokeShareAction = memberAction("forms.send", z.tuple([z.string(), z.string()]), async (scope, [clientId, shareId]) => {
  const result = await revokeShare(scope, shareId, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/clients/${clientId}`);
  return { ok: true as const };
});
