import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { FieldErrors } from "@/lib/form-result";

/**
 * Places a server action's `{ field: [messages] }` next to the matching
 * fields; anything not on the form (e.g. `form`) shows as the form's error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any transformed output type
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T, any, any>, errors: FieldErrors): void {
  const known = new Set(Object.keys(form.getValues()));
  for (const [field, messages] of Object.entries(errors)) {
    const message = messages[0] ?? "Invalid value";
    if (known.has(field.split(".")[0]!)) form.setError(field as Path<T>, { type: "server", message }, { shouldFocus: true });
    else form.setError("root", { type: "server", message });
  }
}
