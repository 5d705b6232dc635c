import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadBrandBySlug } from "@/lib/brand/load-brand";
import { isUuid } from "@/lib/ids";
import { getPublicPractice } from "@/lib/practices/public-practices";
import { ownClientAt } from "@/lib/waitlist/portal-waitlist";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join the waitlist", robots: { index: false } };

/**
 * "Nothing suits? Join the waitlist" from the booking page (decision 0057).
 * Offers are emailed and held for a named client, so who joins is proven, not
 * typed: a signed-in client of the practice goes on to the portal's join form
 * with the service chosen; anyone else signs in first, and someone who is not
 * yet a client is told how to become one.
 */
export default async function BookWaitlistPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ service?: string }> }) {
  const { slug } = await params;
  const { service } = await searchParams;
  const practice = await getPublicPractice(slug);
  if (!practice) notFound();
  const serviceId = service && isUuid(service) ? service : "";
  const here = `/book/${practice.slug}/waitlist${serviceId ? `?service=${serviceId}` : ""}`;
  const user = await getCurrentUser();
  const name = (await loadBrandBySlug(practice.slug))?.name ?? practice.name;
  if (user) {
    const clientId = await ownClientAt(practice.id, user.id);
    if (clientId) redirect(`/portal/${clientId}/waitlist${serviceId ? `?service=${serviceId}` : ""}`);
    return (
      <Card>
        <h1 className="text-2xl font-semibold">The waitlist is for clients of {name}</h1>
        <p className="mt-3">
          You are signed in, but not as a client of {name}. Book a first time that suits from their booking page{practice.email ? <>, or write to them at {practice.email}</> : null}; once you are their client you can wait for other times.
        </p>
        <p className="mt-4">
          <Link href={`/book/${practice.slug}`} className="text-brand underline underline-offset-2">
            Back to booking
          </Link>
        </p>
      </Card>
    );
  }
  return (
    <Card>
      <h1 className="text-2xl font-semibold">Join the waitlist</h1>
      <p className="mt-3">
        Sign in with the email {name} knows you by. You then choose the service, the clinician and the days and times that suit; when one opens we hold it for you and email you a link to take it.
      </p>
      <p className="mt-4">
        <Link href={`/sign-in?${new URLSearchParams({ practice: practice.slug, callbackUrl: here })}`} className={buttonClass("primary")}>
          Sign in to join
        </Link>
      </p>
      <p className="mt-4 text-sm text-muted">
        New to {name}? Book a first time from{" "}
        <Link href={`/book/${practice.slug}`} className="text-brand underline underline-offset-2">
          their booking page
        </Link>
        {practice.email ? <>, or write to them at {practice.email}</> : null}.
      </p>
    </Card>
  );
}
