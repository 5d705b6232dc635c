"use client";

import type { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { deleteReplyTemplateAction, saveMessagingSettingsAction, saveReplyTemplateAction } from "@/app/(clinic)/clinic/[practice]/messages/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, SavedStatus, Textarea } from "@/components/ui/field";
import {
  NOT_FOR_EMERGENCIES,
  messagingSettingsSchema,
  replyTemplateSchema,
  type MessagingSettingsInput,
  type ReplyTemplateInput,
} from "@/lib/messaging/message-schema";

export function MessagingSettingsForm({ slug, defaults }: { slug: string; defaults: MessagingSettingsInput }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<MessagingSettingsInput, unknown, z.output<typeof messagingSettingsSchema>>({ resolver: zodResolver(messagingSettingsSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await saveMessagingSettingsAction(slug, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Messaging settings">
      <FormError message={errors.root?.message} />
      <Field label="Crisis text" hint={`Shown under "${NOT_FOR_EMERGENCIES}" above every message box, e.g. the local crisis line.`} error={errors.crisisText?.message}>
        {(ids) => <Textarea {...ids} rows={3} {...form.register("crisisText")} />}
      </Field>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" className="size-5" {...form.register("frontDeskAccess")} />
        The front desk may read and answer threads (scheduling and billing questions)
      </label>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save"}
      </Button>
      <SavedStatus show={saved} />
    </form>
  );
}

export function ReplyTemplateForm({ slug, id, defaults }: { slug: string; id: string | null; defaults: ReplyTemplateInput }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<ReplyTemplateInput, unknown, z.output<typeof replyTemplateSchema>>({ resolver: zodResolver(replyTemplateSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await saveReplyTemplateAction(slug, id, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    if (id === null) form.reset({ title: "", body: "" });
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={id ? `Template ${defaults.title}` : "New template"}>
      {id === null ? <h3 className="font-medium">New template</h3> : null}
      <FormError message={errors.root?.message} />
      <Field label="Title" error={errors.title?.message} required>
        {(ids) => <Input {...ids} {...form.register("title")} />}
      </Field>
      <Field label="Text" error={errors.body?.message} required>
        {(ids) => <Textarea {...ids} rows={3} {...form.register("body")} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {id ? "Save template" : "Add template"}
        </Button>
        {id ? (
          <Button
            variant="ghost"
            onClick={async () => {
              await deleteReplyTemplateAction(slug, id);
              router.refresh();
            }}
          >
            Delete
          </Button>
        ) : null}
      </div>
      <SavedStatus show={saved} />
    </form>
  );
}
