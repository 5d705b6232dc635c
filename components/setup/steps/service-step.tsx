import Link from "next/link";
import { ServiceForm } from "@/components/booking/admin/service-form";
import { Badge } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { listClinicianOptions, listServices } from "@/lib/booking/list-services";
import { listPracticeLocations } from "@/lib/booking/manage-availability";
import { newServiceFormValues } from "@/lib/booking/service-schema";
import { FORMAT_LABELS } from "@/lib/booking/service-labels";
import { formatMoney, practiceCurrency } from "@/lib/money";
import { SERVICE_TEMPLATES, findServiceTemplate, serviceFormFromTemplate } from "@/lib/setup/service-templates";

/**
 * A first service: pick a template for the practice's kind (or a blank
 * service), then the ordinary service form, saved by the ordinary action.
 */
export async function ServiceStep({ scope, template: templateId, nextHref }: { scope: PracticeScope; template: string | null; nextHref: string }) {
  const slug = scope.practice.slug;
  const [existing, clinicians, locations] = await Promise.all([listServices(scope), listClinicianOptions(scope), listPracticeLocations(scope)]);
  const currency = practiceCurrency(scope.practice);
  const templates = SERVICE_TEMPLATES[scope.practice.kind];
  const chosen = findServiceTemplate(scope.practice.kind, templateId);
  // The person setting up offers it when they see clients; otherwise everyone who can.
  const clinicianIds = clinicians.some((c) => c.id === scope.memberId) && can(scope.role, "sessions.take") ? [scope.memberId] : clinicians.map((c) => c.id);
  const here = `/clinic/${slug}/setup/service`;

  if (templateId !== null) {
    const defaults = chosen
      ? serviceFormFromTemplate(chosen, { currency, clinicianIds, hasLocations: locations.length > 0 })
      : { ...newServiceFormValues(currency), clinicianIds };
    return (
      <div className="space-y-4">
        <p className="text-sm">
          <Link href={here} className="text-brand underline underline-offset-2">
            Choose another template
          </Link>
        </p>
        {chosen && chosen.format === "in_person" && locations.length === 0 ? (
          <p className="rounded-md bg-warn-soft px-3 py-2 text-sm text-warn">
            This template is for in-person sessions. Your practice has no location yet, so it starts as online video: add your address in{" "}
            <Link href={`/clinic/${slug}/setup/details`} className="underline">
              practice details
            </Link>{" "}
            to offer it in person.
          </p>
        ) : null}
        <ServiceForm practiceSlug={slug} serviceId={null} defaults={defaults} clinicians={clinicians} hasLocations={locations.length > 0} doneHref={nextHref} />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {existing.length > 0 ? (
        <section aria-labelledby="existing-services">
          <h2 id="existing-services" className="mb-2 font-semibold">
            Your services
          </h2>
          <ul className="divide-y divide-line">
            {existing.map(({ service, clinicians: who }) => (
              <li key={service.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{service.name}</span>
                  <span className="block text-sm text-muted">
                    {service.durationMinutes} min · {FORMAT_LABELS[service.format]} · {service.priceCents > 0 ? formatMoney(service.priceCents, service.currency) : "Free"}
                  </span>
                </span>
                {service.archivedAt ? <Badge>Archived</Badge> : who.length === 0 ? <Badge tone="warn">Nobody offers it yet</Badge> : <Badge tone="ok">Bookable</Badge>}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link href={`/clinic/${slug}/settings/services`} className="text-brand underline underline-offset-2">
              Edit services in settings
            </Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="service-templates">
        <h2 id="service-templates" className="mb-1 font-semibold">
          Start from a template
        </h2>
        <p className="mb-3 text-sm text-muted">Everything is filled in for you to change: name, length, price, format and cancellation window.</p>
        <ul className="grid gap-3 sm:grid-cols-2">
          {templates.map((t) => (
            <li key={t.id}>
              <Link href={`${here}?template=${t.id}`} className="block h-full rounded-lg border border-line p-4 hover:border-brand focus-visible:outline-offset-4">
                <span className="font-medium text-brand">{t.name}</span>
                <span className="mt-1 block text-sm text-muted">
                  {t.durationMinutes} min · {FORMAT_LABELS[t.format]} · {t.price > 0 ? formatMoney(t.price * 100, currency) : "Free"}
                </span>
                <span className="mt-1 block text-sm">{t.description}</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href={`${here}?template=blank`} className="block h-full rounded-lg border border-dashed border-line p-4 hover:border-brand focus-visible:outline-offset-4">
              <span className="font-medium text-brand">A blank service</span>
              <span className="mt-1 block text-sm text-muted">Start from nothing.</span>
            </Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
