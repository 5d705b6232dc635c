"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { sendMaterialsAction } from "@/app/(clinic)/clinic/[practice]/events/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { materialsSchema } from "@/lib/events/event-schema";
import type { z } from "zod";

/** Sends the recording or materials link to each confirmed attendee, one email each. */
export function MaterialsForm({ slug, eventId, current }: { slug: string; eventId: string; current: string | null }) {
  const [sent, setSent] = useState<number | null>(null);
  const form = useForm<z.input<typeof materialsSchema>, unknown, z.output<typeof materialsSchema>>({ resolver: zodResolver(materialsSchema), defaultValues: { materialsUrl: current ?? "" } });
  async function submit(values: z.output<typeof materialsSchema>) {
    const result = await sendMaterialsAction(slug, eventId, values);
    if (!result.ok) return form.setError("materialsUrl", { message: Object.values(result.errors)[0]?.[0] ?? "Could not send" });
    setSent("sent" in result ? result.sent : 0);
  }
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-3">
      <Field label="Recording or materials link" error={form.formState.errors.materialsUrl?.message}>{(ids) => <Input {...ids} type="url" {...form.register("materialsUrl")} />}</Field>
      <FormError message={form.formState.errors.root?.message} />
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>Send to attendees</Button>
      {sent !== null ? <p role="status" className="text-sm">Sent to {sent} registration{sent === 1 ? "" : "s"}.</p> : null}
    </form>
  );
}
