import { notFound } from "next/navigation";
import { Card, EmptyState } from "@/components/ui/card";
import { PRACTICE_KIND_LABELS, getPublicPractice } from "@/lib/practices/public-practices";

export const dynamic = "force-dynamic";

export default async function PracticePublicPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const practice = await getPublicPractice(slug);
  if (!practice) notFound();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{practice.name}</h1>
        <p className="text-muted">{PRACTICE_KIND_LABELS[practice.kind]}</p>
      </div>
      <EmptyState title="Online booking is not open yet">
        This practice has not published bookable services yet. {practice.email ? <>You can write to them at {practice.email}.</> : null}
      </EmptyState>
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
