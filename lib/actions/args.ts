import { z } from "zod";
import type { FieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";

/**
 * The arguments of a server action after its scope (the practice slug or the
 * client id), as one zod tuple. Pure: the wrappers in this folder parse with it
 * before calling the action's body; tests call it directly.
 */
export type ArgsSchema = z.ZodTuple;

export type ParsedArgs<S extends ArgsSchema> = Extract<z.output<S>, readonly unknown[]>;
export type ActionArgs<S extends ArgsSchema> = Extract<z.input<S>, readonly unknown[]>;

/**
 * Parse `args` as a plain function would take them: extra arguments are
 * dropped (a bound form action also receives the FormData it does not use)
 * and missing ones are undefined. A failure carries the first issue's
 * message: items are checked in order, so an id is refused before the input.
 */
export function parseArgs<S extends ArgsSchema>(schema: S, args: readonly unknown[]): { ok: true; data: ParsedArgs<S> } | { ok: false; message: string; error: z.ZodError } {
  const arity = schema.def.items.length;
  const parsed = schema.safeParse(Array.from({ length: arity }, (_, i) => args[i]));
  if (parsed.success) return { ok: true, data: parsed.data as ParsedArgs<S> };
  return { ok: false, message: parsed.error.issues[0]?.message ?? "Check this", error: parsed.error };
}

/** A record id from the page (tampered or stale ones answer `message`). */
export const uuidArg = (message: string) => z.string({ message }).refine(isUuid, { message });

/** `schema`, but any failure reads `message` (the action's one sentence for it). */
export function orMessage<T extends z.ZodType>(schema: T, message: string) {
  return z.unknown().transform((value, ctx): z.output<T> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}

// What an action answers when its arguments do not parse, in the shape its form reads.

/** `{ ok: false, errors: { [field]: [message] } }`: a react-hook-form form shows it at `field`. */
export const fieldFailure =
  (field = "form") =>
  (message: string): { ok: false; errors: FieldErrors } => ({ ok: false, errors: { [field]: [message] } });

/** `{ ok: false, message }`: for actions whose callers show one sentence. */
export const messageFailure = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Nothing: a plain form's action (the page simply reloads unchanged). */
export const noResult = (): void => undefined;
