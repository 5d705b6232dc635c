"use client";

import type { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select, Textarea } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/form-result";
import { ATTACHMENT_MAX_FILES, ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, MESSAGE_BODY_MAX, NOT_FOR_EMERGENCIES, messageSchema, type MessageInput } from "@/lib/messaging/message-schema";
import { checkFile } from "@/lib/files/sniff";

export type SendResult = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * Write a message, with up to three attachments. The body is checked by the
 * same schema the server uses; each file by its bytes before it is sent
 * (lib/files/sniff.ts), and again on the server. The emergency notice sits
 * above the box, where the person is about to write.
 */
export function Composer({
  send,
  crisisText,
  templates = [],
}: {
  send: (form: FormData) => Promise<SendResult>;
  crisisText: string | null;
  templates?: { id: string; title: string; body: string }[];
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<File[]>([]);
  // A new key clears the file input after a send without touching the DOM node.
  const [inputKey, setInputKey] = useState(0);
  const [fileError, setFileError] = useState<string | undefined>();
  const form = useForm<MessageInput, unknown, z.output<typeof messageSchema>>({ resolver: zodResolver(messageSchema), defaultValues: { body: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFileError(undefined);
    if (chosen.length > ATTACHMENT_MAX_FILES) return setFileError("Attachment: one file a message");
    const data = new FormData();
    data.set("body", values.body);
    for (const file of chosen) {
      const check = checkFile(new Uint8Array(await file.slice(0, 4096).arrayBuffer()), { field: "Attachment", maxBytes: Number.MAX_SAFE_INTEGER, accept: ATTACHMENT_TYPES });
      if (file.size > ATTACHMENT_MAX_BYTES) return setFileError(`Attachment: the file is larger than 20 MB (${file.name})`);
      if (!check.ok) return setFileError(`${check.message} (${file.name})`);
      data.append("attachments", file);
    }
    const result = await send(data);
    if (!result.ok) {
      if (result.errors.attachments) setFileError(result.errors.attachments[0]);
      return applyServerErrors(form, result.errors);
    }
    form.reset({ body: "" });
    setChosen([]);
    setInputKey((k) => k + 1);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Write a message">
      <div className="rounded-md border border-warn/30 bg-warn-soft px-3 py-2 text-sm text-ink" role="note">
        <p className="font-medium">{NOT_FOR_EMERGENCIES}</p>
        {crisisText ? <p className="mt-1 whitespace-pre-wrap">{crisisText}</p> : null}
      </div>
      <FormError message={errors.root?.message ?? (errors as Record<string, { message?: string }>).form?.message} />
      {templates.length > 0 ? (
        <Field label="Insert a reply template">
          {(ids) => (
            <Select
              {...ids}
              defaultValue=""
              onChange={(e) => {
                const t = templates.find((x) => x.id === e.target.value);
                if (t) form.setValue("body", t.body, { shouldValidate: true });
                e.target.value = "";
              }}
            >
              <option value="">Choose a template…</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Field label="Message" hint={`Up to ${MESSAGE_BODY_MAX} characters.`} error={errors.body?.message} required>
        {(ids) => <Textarea {...ids} rows={4} {...form.register("body")} />}
      </Field>
      <Field label="Attachment (optional)" hint="One PDF, PNG, JPEG or WebP file, up to 20 MB." error={fileError}>
        {(ids) => <input {...ids} key={inputKey} onChange={(e) => setChosen(Array.from(e.target.files ?? []))} type="file" name="attachments" accept="application/pdf,image/png,image/jpeg,image/webp" className="block w-full min-w-0 text-sm" />}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send message"}
      </Button>
    </form>
  );
}
