import type { PracticeKind } from "@/db/schema";
import { newServiceFormValues, type ServiceFormValues } from "@/lib/booking/service-schema";
import type { Currency } from "@/lib/money";

/**
 * Starting points for a practice's first service, per kind of practice. A
 * template only fills the service form (the same form and action as
 * Settings → Services); the owner changes anything before saving. Prices are
 * suggestions in whole units of the practice's currency.
 */
export interface ServiceTemplate {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  price: number;
  format: ServiceFormValues["format"];
  attendance: ServiceFormValues["attendance"];
  cancellationWindowHours: number;
  bufferAfterMinutes: number;
}

export const SERVICE_TEMPLATES: Record<PracticeKind, readonly ServiceTemplate[]> = {
  couples_therapy: [
    {
      id: "couples-session",
      name: "Couples session",
      description: "Fifty minutes with both partners: we slow the pattern down and find what each of you needs from the other.",
      durationMinutes: 50,
      price: 180,
      format: "online",
      attendance: "couple",
      cancellationWindowHours: 48,
      bufferAfterMinutes: 10,
    },
    {
      id: "couples-first-consult",
      name: "First consultation for couples",
      description: "Eighty minutes to hear how each of you sees things and agree on what the work is for.",
      durationMinutes: 80,
      price: 240,
      format: "online",
      attendance: "couple",
      cancellationWindowHours: 48,
      bufferAfterMinutes: 10,
    },
    {
      id: "individual-session",
      name: "Individual session within couples work",
      description: "Fifty minutes with one partner, as part of the couple's work.",
      durationMinutes: 50,
      price: 160,
      format: "online",
      attendance: "individual",
      cancellationWindowHours: 24,
      bufferAfterMinutes: 10,
    },
  ],
  pelvic_pt: [
    {
      id: "postpartum-evaluation",
      name: "Postpartum pelvic floor evaluation",
      description: "Sixty minutes: your history, an assessment of the pelvic floor and core, and a plan you can start this week.",
      durationMinutes: 60,
      price: 195,
      format: "in_person",
      attendance: "individual",
      cancellationWindowHours: 24,
      bufferAfterMinutes: 15,
    },
    {
      id: "pelvic-follow-up",
      name: "Pelvic health follow-up",
      description: "Forty-five minutes to check progress, adjust exercises and treat.",
      durationMinutes: 45,
      price: 140,
      format: "in_person",
      attendance: "individual",
      cancellationWindowHours: 24,
      bufferAfterMinutes: 15,
    },
    {
      id: "pelvic-video-consult",
      name: "Video consultation",
      description: "Thirty minutes online: questions, an exercise review or a first conversation before an evaluation.",
      durationMinutes: 30,
      price: 80,
      format: "online",
      attendance: "individual",
      cancellationWindowHours: 12,
      bufferAfterMinutes: 5,
    },
  ],
  coaching: [
    {
      id: "coaching-package-session",
      name: "Coaching package session",
      description: "One of a series of sixty-minute sessions with practice between them; sold as a package of several sessions.",
      durationMinutes: 60,
      price: 150,
      format: "online",
      attendance: "either",
      cancellationWindowHours: 24,
      bufferAfterMinutes: 10,
    },
    {
      id: "coaching-discovery-call",
      name: "Discovery call",
      description: "Twenty minutes, free: what you hope to change and whether coaching with us fits.",
      durationMinutes: 20,
      price: 0,
      format: "phone",
      attendance: "either",
      cancellationWindowHours: 2,
      bufferAfterMinutes: 5,
    },
    {
      id: "parenting-session",
      name: "Parenting coaching session",
      description: "Fifty minutes for one parent or both, on the week's hardest moments and what to try next.",
      durationMinutes: 50,
      price: 130,
      format: "online",
      attendance: "either",
      cancellationWindowHours: 24,
      bufferAfterMinutes: 10,
    },
  ],
};

export function findServiceTemplate(kind: PracticeKind, id: string | null | undefined): ServiceTemplate | null {
  return SERVICE_TEMPLATES[kind].find((t) => t.id === id) ?? null;
}

/**
 * The service form's values from a template. In person needs a location:
 * without one, the template starts online (the form says why).
 */
export function serviceFormFromTemplate(
  template: ServiceTemplate,
  options: { currency: Currency; clinicianIds: string[]; hasLocations: boolean },
): ServiceFormValues {
  return {
    ...newServiceFormValues(options.currency),
    name: template.name,
    description: template.description,
    durationMinutes: String(template.durationMinutes),
    price: template.price > 0 ? String(template.price) : "",
    format: template.format === "in_person" && !options.hasLocations ? "online" : template.format,
    attendance: template.attendance,
    clinicianIds: options.clinicianIds,
    cancellationWindowHours: String(template.cancellationWindowHours),
    bufferAfterMinutes: String(template.bufferAfterMinutes),
  };
}
