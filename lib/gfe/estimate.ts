import { addDays } from "@/lib/dates/calendar";
import type { GfeItem, GfeSnapshot } from "./snapshot";

/** Weekly sessions the estimate expects when nobody chose otherwise: about three months. */
export const DEFAULT_WEEKS = 12;
/** The rule lets a recurring course be estimated for up to 12 months (45 CFR 149.610(c)). */
export const MAX_WEEKS = 52;

/**
 * The disclaimers every estimate prints, in our own words. Each says one
 * thing the rule asks a GFE to say.
 */
export const GFE_DISCLAIMERS = [
  "This is an estimate, not a bill. It lists the services we expect to provide and what we expect to charge for them, based on what we know today.",
  "Your actual charges may be different: you may need more or fewer sessions, or other services than those listed here.",
  "If your bill from this provider is $400 or more above this estimate, you have the right to dispute it. You can start the federal patient-provider dispute resolution process within 120 calendar days of the date on the bill. Learn how at www.cms.gov/nosurprises or call 1-800-985-3059.",
  "This estimate is not a contract and does not oblige you to receive any of the services listed.",
  "Keep a copy of this estimate (you can download it from your client portal at any time), along with your bills. You will need it if you dispute a bill.",
] as const;

export interface EstimateService {
  id: string;
  name: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  attendance: "individual" | "couple" | "either";
  format: string;
  /** The service's CPT codes, in order (a PT visit may bill several for one visit). */
  cptCodes: string[];
}

export interface EstimateInput {
  service: EstimateService;
  /** First day the estimate covers, in the practice's calendar (the booked session's, or the request's). */
  from: string;
  /** Weekly sessions expected: 1 to MAX_WEEKS. */
  weeks: number;
  client: { name: string; dateOfBirth: string | null };
  diagnosisCodes: string[];
  provider: GfeSnapshot["provider"];
}

/** "Couples therapy session, 50 minutes, online": the primary service in plain words. */
export function plainService(s: Pick<EstimateService, "name" | "durationMinutes" | "attendance" | "format">): string {
  const who = s.attendance === "couple" ? "for a couple" : "for one person";
  const where = s.format === "online" ? "online (video)" : s.format === "in_person" ? "in person" : s.format.replace(/_/g, " ");
  return `${s.name}: ${s.durationMinutes}-minute session ${who}, ${where}`;
}

/**
 * The estimate itself: a course of weekly sessions of one service, priced at
 * the service's price per visit. One item per visit type, not per CPT code:
 * the practice prices visits (decision 0043), so a visit's several codes
 * share its one charge. Pure.
 */
export function buildEstimate(input: EstimateInput): Omit<GfeSnapshot, "disclaimers"> & { disclaimers: string[] } {
  const weeks = Math.min(MAX_WEEKS, Math.max(1, Math.round(input.weeks)));
  const { service } = input;
  const items: GfeItem[] = [
    {
      description: `${service.name} (${service.durationMinutes} min), weekly`,
      cpt: service.cptCodes.length > 0 ? service.cptCodes.join(", ") : null,
      quantity: weeks,
      unitCharge: service.priceCents,
      total: weeks * service.priceCents,
    },
  ];
  return {
    serviceId: service.id,
    client: input.client,
    primaryService: plainService(service),
    period: { from: input.from, to: addDays(input.from, (weeks - 1) * 7), sessionsPerWeek: 1, weeks },
    items,
    currency: service.currency,
    total: items.reduce((sum, i) => sum + i.total, 0),
    diagnosisCodes: input.diagnosisCodes,
    provider: input.provider,
    disclaimers: [...GFE_DISCLAIMERS],
  };
}
