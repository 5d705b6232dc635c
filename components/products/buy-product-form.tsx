"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { buyProductAction } from "@/app/(public)/book/[slug]/products/[productId]/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { buyProductSchema } from "@/lib/products/schemas";

type Values = z.input<typeof buyProductSchema>;

/** Buy without an account: a name and the address the download link goes to, then Stripe's payment page. */
export function BuyProductForm({ slug, productId, price, defaults }: { slug: string; productId: string; price: string; defaults?: { name: string; email: string } }) {
  const form = useForm<Values, unknown, z.output<typeof buyProductSchema>>({ resolver: zodResolver(buyProductSchema), defaultValues: defaults ?? { name: "", email: "" } });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await buyProductAction(slug, productId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    window.location.assign(result.checkoutUrl);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <Field label="Your name" required error={errors.name?.message}>
        {(ids) => <Input {...ids} autoComplete="name" maxLength={200} {...form.register("name")} />}
      </Field>
      <Field label="Email" required hint="The download link and the receipt go here." error={errors.email?.message}>
        {(ids) => <Input {...ids} type="email" autoComplete="email" inputMode="email" maxLength={320} {...form.register("email")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting || isSubmitSuccessful} className="w-full sm:w-auto">
        Buy for {price}
      </Button>
    </form>
  );
}
