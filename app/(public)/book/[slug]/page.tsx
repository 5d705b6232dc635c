import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookingWizard } from "@/components/booking/booking-wizard";
import { Card, EmptyState } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { creditsToOffer } from "@/lib/billing/booking-credits";
import { practiceStripe } from "@/lib/billing/practice-billing";
import { portalBooker } from "@/lib/booking/portal-booker";
import { listPublicServices } from "@/lib/booking/public-services";
import { loadBrandBySlug } from "@/lib/brand/load-brand";
import { PRACTICE_KIND_LABELS } from "@/lib/practices/practice-kinds";
import { getPublicPractice } from "@/lib/practices/public-practices";
import { GfeNotice } from "@/components/gfe/gfe-notice";
import { isUsPractice } from "@/lib/gfe/us";
import { PublicProducts } from "@/components/products/public-products";
import { listPublicProducts } from "@/lib/products/public";
import { PublicEventList } from "@/components/events/public-event-list";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const practice = await getPublicPractice((await params).slug);
  if (!practice) return { title: "Not found" };
  // The practice's own name, without the product's after it.
  const brand = await loadBrandBySlug(practice.slug);
  return { title: { absolute: `Book with ${brand?.name ?? practice.name}` } };
}

export default async function PracticeBookingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const practice = await getPublicPractice(slug);
  if (!practice) notFound();
  const services = await listPublicServices(practice.id, (await practiceStripe(practice.id)).canTakePayments);
  // Signed in to their portal here: details prefilled, credits offered (decision 0012).
  const now = new Date();
  const name = (await loadBrandBySlug(practice.slug))?.name ?? practice.name;
  const booker = await portalBooker(practice.id, (await getCurrentUser())?.id ?? null, (clientId) => creditsToOffer({ practiceId: practice.id, clientId, now }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{name}</h1>
        <p className="text-muted">{PRACTICE_KIND_LABELS[practice.kind]}</p>
      </div>
      {services.length === 0 ? (
        <EmptyState title="Online booking is not open yet">
          This practice has not published bookable services yet. {practice.email ? <>You can write to them at {practice.email}.</> : null}
        </EmptyState>
      ) : (
        <BookingWizard practice={{ slug: practice.slug, name, timeZone: practice.timeZone, locale: practice.locale, asksInsurance: isUsPractice(practice) }} services={services} locations={practice.locations} booker={booker} />
      )}
      <PublicEventList practiceId={practice.id} slug={practice.slug} reader={{ zone: practice.timeZone, locale: practice.locale }} now={now} />
      {isUsPractice(practice) ? <GfeNotice practiceName={name} /> : null}
      <PublicProducts slug={practice.slug} products={await listPublicProducts(practice.id)} />
      <Card>
        <h2 className="font-semibold">Where</h2>
        {practice.locations.length === 0 ? (
          <p className="mt-1 text-muted">Sessions are online.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {practice.locations.map((l) => (
              <li key={l.id}>
                <span className="font-medium">{l.name}</span>
                <span className="block text-sm text-muted">
                  {l.addressLine1}, {l.city}
                  {l.region ? `, ${l.region}` : ""} {l.postalCode ?? ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
