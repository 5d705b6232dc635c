/**
 * What a Good Faith Estimate says, frozen when it is issued (decision 0053).
 * Every element 45 CFR 149.610(c) lists is here, so the PDF, the portal page
 * and any later dispute read the estimate as the client received it, not as
 * the practice's services or prices read today. Import-free: db/schema uses
 * it as the jsonb column's type.
 */
export interface GfeItem {
  /** The service in plain words, e.g. "Couples therapy session, 50 minutes". */
  description: string;
  /** CPT code, or null when the service has none recorded. */
  cpt: string | null;
  /** How many of this item are expected over the estimate's period. */
  quantity: number;
  /** Minor units of `currency`. */
  unitCharge: number;
  /** quantity × unitCharge, minor units. */
  total: number;
}

export interface GfeSnapshot {
  /** The service estimated (an id, so a re-issue can price it again); its name is in the items. */
  serviceId: string | null;
  client: { name: string; dateOfBirth: string | null };
  /** The primary service in clear language. */
  primaryService: string;
  /** The period the estimate covers (YYYY-MM-DD, practice's calendar). */
  period: { from: string; to: string; sessionsPerWeek: number; weeks: number };
  items: GfeItem[];
  currency: string;
  /** Sum of the items' totals, minor units. */
  total: number;
  /** ICD-10 codes where known (the latest recorded for this client), else empty. */
  diagnosisCodes: string[];
  provider: {
    practiceName: string;
    clinicianName: string | null;
    /** The clinician's own NPI when recorded, else the practice's. */
    npi: string | null;
    practiceNpi: string | null;
    tin: string | null;
    location: string;
    phone: string | null;
    email: string | null;
  };
  /** The standard disclaimers, in the words printed. */
  disclaimers: string[];
}
