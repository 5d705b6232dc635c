"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { uuidArg } from "@/lib/actions/args";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { addAddendum, cosignNote, saveDraft, signNote, startNote } from "@/lib/notes/notes";

// Thin: the wrapper guards (notes.write, notes.cosign); lib/notes checks authorship and validates
// with the note forms' own schemas (lib/notes/schema.ts).

const noteArg = uuidArg("That note was not found");

export const startNoteAction = memberAction("notes.write", z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await startNote(scope, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}`, "layout");
  return { ok: true as const, noteId: result.noteId };
});

export const saveNoteDraftAction = memberAction("notes.write", z.tuple([noteArg, z.unknown()]), async (scope, [noteId, values]) => {
  const result = await saveDraft(scope, noteId, values, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  // No revalidation: autosave keeps the editor as it is.
  return { ok: true as const, savedAt: result.savedAt.toISOString() };
});

export const signNoteAction = memberAction("notes.write", z.tuple([noteArg, z.unknown()]), async (scope, [noteId, values]) => {
  const result = await signNote(scope, noteId, values, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}`, "layout");
  return { ok: true as const, cosignRequired: result.cosignRequired };
});

export const addAddendumAction = memberAction("notes.write", z.tuple([noteArg, z.unknown()]), async (scope, [noteId, values]) => {
  const result = await addAddendum(scope, noteId, values, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}`, "layout");
  return { ok: true as const };
});

export const cosignNoteAction = memberAction("notes.cosign", z.tuple([noteArg]), async (scope, [noteId]) => {
  const result = await cosignNote(scope, noteId, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}`, "layout");
  return { ok: true as const };
});
