"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { giftProduct } from "@/lib/products/gift";
import { resendDownloadLink } from "@/lib/products/resend";
import { createProduct, updateProduct, type UploadedFile } from "@/lib/products/manage";

// Thin: the wrapper guards; the domain validates with the forms' own schema and checks the file's bytes.

async function fileOf(form: FormData): Promise<UploadedFile | null> {
  const file = form.get("file");
  return file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

const fields = (form: FormData) => ({ title: form.get("title"), description: form.get("description") ?? "", price: form.get("price"), active: form.get("active") ?? "false" });

export const createProductAction = memberAction("products.manage", z.tuple([z.instanceof(FormData)]), async (scope, [form]) => {
  const result = await createProduct(scope, fields(form), await fileOf(form), new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/products`);
  return { ok: true as const, productId: result.productId };
});

export const updateProductAction = memberAction("products.manage", z.tuple([z.string(), z.instanceof(FormData)]), async (scope, [productId, form]) => {
  const result = await updateProduct(scope, productId, fields(form), await fileOf(form), new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/products`);
  return { ok: true as const, productId: result.productId };
});

export const giftProductAction = memberAction("products.manage", z.tuple([z.string(), z.unknown()]), async (scope, [productId, input]) => {
  const result = await giftProduct(scope, productId, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/products/${productId}`);
  return { ok: true as const };
});

export const resendLinkAction = memberAction("products.manage", z.tuple([z.uuid(), z.uuid()]), async (scope, [productId, orderId]) => {
  const result = await resendDownloadLink(scope, orderId, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/products/${productId}`);
  return { ok: true as const };
});
