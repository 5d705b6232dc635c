"use client";

import type { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { signInSchema, type SignInInput } from "@/lib/auth/sign-in-schema";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { requestSignInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const form = useForm<SignInInput, unknown, z.output<typeof signInSchema>>({ resolver: zodResolver(signInSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async () => {
    const values = form.getValues();
    const result = await requestSignInAction(values, callbackUrl);
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.push(`/sign-in/check-email?email=${encodeURIComponent(values.email.trim().toLowerCase())}${callbackUrl ? `&callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={errors.root?.message} />
      <Field label="Email address" error={errors.email?.message}>
        {(ids) => <Input {...ids} type="email" autoComplete="email" inputMode="email" {...form.register("email")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Sending…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
