/** The wizard's steps, in order; "done" is not listed in the step bar. */
export type Step = "service" | "clinician" | "time" | "details" | "done";

/** The practice as the wizard needs it. */
/** `locale`: the practice's (lib/dates/locales.ts), the clock its times read in. */
export type WizardPractice = { slug: string; name: string; timeZone: string; locale?: string | null };
