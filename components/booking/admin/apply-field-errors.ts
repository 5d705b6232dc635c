import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { FieldErrors } from "@/lib/form-result";

/**
 * Like components/forms/apply-server-errors.ts, for forms with rows: a
 * server error on `rows.2.start` goes next to that row's field. Keys whose
 * first part is not a field of the form (e.g. `form`) show as the form's error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any transformed output type
export function applyFieldErrors<T extends FieldValues>(form: UseFormReturn<T, any, any>, errors: FieldErrors): void {
  const known = new Set(Object.keys(form.getValues()));
  let focused = false;
  for (const [field, messages] of Object.entries(errors)) {
    const message = messages[0] ?? "Invalid value";
    const top = field.split(".")[0] ?? field;
    if (known.has(top)) {
      form.setError(field as Path<T>, { type: "server", message }, { shouldFocus: !focused });
      focused = true;
    } else form.setError("root", { type: "server", message });
  }
}
