"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { acknowledgeFlagAction } from "@/app/(clinic)/clinic/[practice]/safety/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Textarea } from "@/components/ui/field";
import { acknowledgeFlagSchema } from "@/lib/safety/acknowledge-schema";

type Values = z.input<typeof acknowledgeFlagSchema>;

/** Closes a safety flag with a note of what was done. The flag stays open until this succeeds. */
export function AcknowledgeFlagForm({ practiceSlug, flagId }: { practiceSlug: string; flagId: string }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof acknowledgeFlagSchema>>({
    resolver: zodResolver(acknowledgeFlagSchema),
    defaultValues: { note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await acknowledgeFlagAction(practiceSlug, flagId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <Field
        label="What did you do?"
        hint="For example: called the client privately, made a safety plan, referred. Seen by the practice's clinicians only; it cannot be changed afterwards."
        required
        error={errors.note?.message}
      >
        {(ids) => <Textarea {...ids} rows={3} {...form.register("note")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Acknowledge flag"}
      </Button>
    </form>
  );
}
