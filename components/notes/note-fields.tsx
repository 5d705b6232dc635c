import type { UseFormRegister } from "react-hook-form";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { NoteField } from "@/lib/notes/content";
import type { NoteDraftInput } from "@/lib/notes/schema";

/** One template field as a labelled control; numbers are typed as text and checked against the template on the server. */
export function NoteFieldControl({ field, register, error }: { field: NoteField; register: UseFormRegister<NoteDraftInput>; error?: string }) {
  const name = `content.${field.id}` as const;
  const hint = [field.help, field.kind === "number" && (field.min !== undefined || field.max !== undefined) ? `${field.min ?? ""}–${field.max ?? ""}${field.unit ? ` ${field.unit}` : ""}` : null].filter(Boolean).join(" · ") || undefined;
  return (
    <Field label={field.label} hint={hint} error={error}>
      {(ids) =>
        field.kind === "long_text" ? (
          <Textarea {...ids} rows={4} {...register(name)} />
        ) : field.kind === "choice" ? (
          <Select {...ids} {...register(name)}>
            <option value="">Not recorded</option>
            {field.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        ) : (
          <Input {...ids} inputMode={field.kind === "number" ? "decimal" : undefined} {...register(name)} />
        )
      }
    </Field>
  );
}
