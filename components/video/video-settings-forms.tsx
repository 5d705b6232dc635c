"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { saveOwnVideoRoomAction, saveVideoPatternAction } from "@/app/(clinic)/clinic/[practice]/settings/video/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { videoPatternSchema, videoRoomSchema, type VideoPatternInput, type VideoRoomInput } from "@/lib/video/settings-schema";

function Saved({ show }: { show: boolean }) {
  return show ? (
    <p role="status" className="text-sm text-brand-strong">
      Saved.
    </p>
  ) : null;
}

export function VideoPatternForm({ slug, defaults }: { slug: string; defaults: VideoPatternInput }) {
  const [saved, setSaved] = useState(false);
  const form = useForm<VideoPatternInput, unknown, z.output<typeof videoPatternSchema>>({ resolver: zodResolver(videoPatternSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const r = await saveVideoPatternAction(slug, form.getValues());
    if (!r.ok) return applyServerErrors(form, r.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Room per session">
      <Field label="Video room address per session" hint="For example https://meet.example.com/{appointment}" error={errors.pattern?.message}>
        {(ids) => <Input {...ids} type="url" inputMode="url" autoComplete="off" spellCheck={false} {...form.register("pattern")} />}
      </Field>
      <FormError message={errors.root?.message} />
      <Button type="submit" size="sm" disabled={isSubmitting}>
        Save room address
      </Button>
      <Saved show={saved} />
    </form>
  );
}

export function VideoRoomForm({ slug, defaults }: { slug: string; defaults: VideoRoomInput }) {
  const [saved, setSaved] = useState(false);
  const form = useForm<VideoRoomInput, unknown, z.output<typeof videoRoomSchema>>({ resolver: zodResolver(videoRoomSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const r = await saveOwnVideoRoomAction(slug, form.getValues());
    if (!r.ok) return applyServerErrors(form, r.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Your own room">
      <Field label="Your video room address" hint="For example https://meet.example.com/your-name" error={errors.room?.message}>
        {(ids) => <Input {...ids} type="url" inputMode="url" autoComplete="off" spellCheck={false} {...form.register("room")} />}
      </Field>
      <FormError message={errors.root?.message} />
      <Button type="submit" size="sm" disabled={isSubmitting}>
        Save your room
      </Button>
      <Saved show={saved} />
    </form>
  );
}
