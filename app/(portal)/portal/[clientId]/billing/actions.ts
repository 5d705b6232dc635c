"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { noResult } from "@/lib/actions/args";
import { clientAction } from "@/lib/actions/client-action";
import { isUuid } from "@/lib/ids";
import { buyPackage, payBalance } from "@/lib/billing/portal-billing";

// Thin: the client guard first (the wrapper), then the domain; on success the browser goes to Stripe Checkout.

const form = z.tuple([z.instanceof(FormData)]);

export const payBalanceAction = clientAction(
  form,
  async ({ client }, [data]): Promise<void> => {
    const feeId = String(data.get("feeId") ?? "");
    const result = isUuid(feeId) ? await payBalance(client, feeId, new Date()) : { ok: false as const, message: "Nothing to pay" };
    redirect(result.ok ? result.url : `/portal/${client.id}/billing?error=${encodeURIComponent(result.message)}`);
  },
  noResult,
);

export const buyPackageAction = clientAction(
  form,
  async ({ client, practice }, [data]): Promise<void> => {
    const packageId = String(data.get("packageId") ?? "");
    const forCouple = data.get("forCouple") === "on";
    const keepCard = data.get("keepCard") === "on";
    const result = isUuid(packageId) ? await buyPackage(client, packageId, forCouple, new Date(), { keepCard, practiceName: practice.name }) : { ok: false as const, message: "Unknown package" };
    redirect(result.ok ? result.url : `/portal/${client.id}/billing?error=${encodeURIComponent(result.message)}`);
  },
  noResult,
);
