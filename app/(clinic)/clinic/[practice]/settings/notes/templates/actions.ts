"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { uuidArg } from "@/lib/actions/args";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { createNoteTemplate, publishNoteTemplate, setNoteTemplateArchived } from "@/lib/notes/template-editor";

// Thin: the wrapper guards (notes.templates); lib/notes/template-editor validates with the editor's own schema.

const templateArg = uuidArg("That template was not found");

export const createNoteTemplateAction = memberAction("notes.templates", z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await createNoteTemplate(scope, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/settings/notes/templates`);
  return { ok: true as const, templateId: result.templateId };
});

export const publishNoteTemplateAction = memberAction("notes.templates", z.tuple([templateArg, z.unknown()]), async (scope, [templateId, definition]) => {
  const result = await publishNoteTemplate(scope, templateId, definition, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/settings/notes/templates`, "layout");
  return { ok: true as const, version: result.version };
});

export const archiveNoteTemplateAction = memberAction("notes.templates", z.tuple([templateArg, z.boolean()]), async (scope, [templateId, archived]) => {
  const result = await setNoteTemplateArchived(scope, templateId, archived, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/settings/notes/templates`, "layout");
  return { ok: true as const };
});
