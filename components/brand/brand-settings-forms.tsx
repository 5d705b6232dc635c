"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { removeLogoAction, saveBrandAction, saveLogoAction } from "@/app/(clinic)/clinic/[practice]/settings/brand/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { brandSchema, type BrandInput } from "@/lib/brand/brand-schema";
import { MAX_LOGO_BYTES } from "@/lib/brand/sniff-image";

function Saved({ show, children = "Saved." }: { show: boolean; children?: string }) {
  return show ? (
    <p role="status" className="text-sm text-brand-strong">
      {children}
    </p>
  ) : null;
}

export function BrandForm({ slug, practiceName, defaults }: { slug: string; practiceName: string; defaults: BrandInput }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<BrandInput, unknown, z.output<typeof brandSchema>>({ resolver: zodResolver(brandSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const r = await saveBrandAction(slug, form.getValues());
    if (!r.ok) return applyServerErrors(form, r.errors);
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Name and colour">
      <Field label="Display name" hint={`What clients see. Empty: ${practiceName}`} error={errors.displayName?.message}>
        {(ids) => <Input {...ids} autoComplete="organization" placeholder={practiceName} {...form.register("displayName")} />}
      </Field>
      <Field label="Brand colour" hint="A hex colour such as #1f5a50, dark enough for white text on it. Empty: the default green." error={errors.colour?.message}>
        {(ids) => <Input {...ids} autoComplete="off" spellCheck={false} placeholder="#1f5a50" {...form.register("colour")} />}
      </Field>
      <FormError message={errors.root?.message} />
      <Button type="submit" size="sm" disabled={isSubmitting}>
        Save name and colour
      </Button>
      <Saved show={saved} />
    </form>
  );
}

export function LogoForm({ slug, hasLogo }: { slug: string; hasLogo: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const element = event.currentTarget;
    const data = new FormData(element);
    const file = data.get("logo");
    // The browser checks what it can before sending; the server checks the bytes again.
    if (!(file instanceof File) || file.size === 0) return setError("Logo: choose an image file");
    if (file.size > MAX_LOGO_BYTES) return setError("Logo: the file is larger than 1 MB");
    setError(null);
    setBusy(true);
    const r = await saveLogoAction(slug, data);
    setBusy(false);
    if (!r.ok) return setError(r.errors.logo?.[0] ?? r.errors.form?.[0] ?? "The logo could not be saved");
    setSaved("Logo saved.");
    element.reset();
    router.refresh();
  }
  async function onRemove() {
    setBusy(true);
    await removeLogoAction(slug);
    setBusy(false);
    setSaved("Logo removed.");
    router.refresh();
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Logo">
      <Field label="Logo" hint="PNG, JPEG or WebP, at most 1 MB. Shown about 40 pixels high." error={error ?? undefined}>
        {(ids) => <Input {...ids} type="file" name="logo" accept="image/png,image/jpeg,image/webp" className="py-2" />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={busy}>
          Upload logo
        </Button>
        {hasLogo ? (
          <Button type="button" size="sm" variant="secondary" disabled={busy} onClick={onRemove}>
            Remove logo
          </Button>
        ) : null}
      </div>
      <Saved show={saved !== null}>{saved ?? ""}</Saved>
    </form>
  );
}
