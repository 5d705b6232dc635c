import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, stripeCustomers } from "@/db/schema";
import { accountOptions, stripe } from "./stripe-client";

/**
 * The client's Stripe customer, created once. The Stripe call happens
 * outside any transaction under a key derived from the client id, so two
 * racing calls create one customer; the unique client row settles the rest.
 */
export async function ensureStripeCustomer(practiceId: string, clientId: string, stripeAccountId: string | null): Promise<string> {
  const [existing] = await db
    .select({ id: stripeCustomers.stripeCustomerId })
    .from(stripeCustomers)
    .where(and(eq(stripeCustomers.clientId, clientId), eq(stripeCustomers.practiceId, practiceId)));
  if (existing) return existing.id;
  const [client] = await db
    .select({ email: clients.email, firstName: clients.firstName, lastName: clients.lastName })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, practiceId)));
  if (!client) throw new Error("client not found");
  const customer = await stripe().customers.create(
    { email: client.email ?? undefined, name: `${client.firstName} ${client.lastName}`, metadata: { clientId, practiceId } },
    { idempotencyKey: `customer:${clientId}`, ...accountOptions(stripeAccountId) },
  );
  await db
    .insert(stripeCustomers)
    .values({ clientId, practiceId, stripeCustomerId: customer.id })
    .onConflictDoNothing({ target: stripeCustomers.clientId });
  const [row] = await db.select({ id: stripeCustomers.stripeCustomerId }).from(stripeCustomers).where(eq(stripeCustomers.clientId, clientId));
  return row!.id;
}
