"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { linkCoupleAction } from "@/app/(clinic)/clinic/[practice]/clients/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select } from "@/components/ui/field";
import { coupleSchema } from "@/lib/clients/client-schema";

type Values = z.input<typeof coupleSchema>;

export function LinkCoupleForm({
  practiceSlug,
  clientId,
  candidates,
}: {
  practiceSlug: string;
  clientId: string;
  candidates: { id: string; name: string }[];
}) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof coupleSchema>>({ resolver: zodResolver(coupleSchema), defaultValues: { partnerId: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    const values = form.getValues();
    const result = await linkCoupleAction(practiceSlug, clientId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    form.reset();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <Field label="Partner" hint="Another client of this practice who is not yet in a couple." error={errors.partnerId?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("partnerId")}>
            <option value="">Choose a client…</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Linking…" : "Link as a couple"}
      </Button>
    </form>
  );
}
