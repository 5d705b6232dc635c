import type { z } from "zod";

/** What a server action returns to a react-hook-form form. */
export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? object : { data: T }))
  | { ok: false; errors: FieldErrors; message?: string };

export function fieldError(field: string, message: string): { ok: false; errors: FieldErrors } {
  return { ok: false, errors: { [field]: [message] } };
}

/** zod issues as `{ field: [messages] }`; top-level issues go under `form`. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
