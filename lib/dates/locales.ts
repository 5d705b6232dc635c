/**
 * The locales a practice can read dates and times in (decision 0044). Pure,
 * no imports: db/schema's check on `practices.locale` is built from this list,
 * as the currency check is from lib/money's CURRENCIES.
 */
export const PRACTICE_LOCALES = ["en-US", "en-GB", "en-CA", "en-AU"] as const;
export type PracticeLocale = (typeof PRACTICE_LOCALES)[number];

export const DEFAULT_LOCALE: PracticeLocale = "en-US";

/** How each locale is named in the practice details form, with a sample of its clock. */
export const PRACTICE_LOCALE_LABELS: Record<PracticeLocale, string> = {
  "en-US": "English (United States): 2:30 PM",
  "en-GB": "English (United Kingdom): 14:30",
  "en-CA": "English (Canada): 2:30 p.m.",
  "en-AU": "English (Australia): 2:30 pm",
};

export function isPracticeLocale(value: unknown): value is PracticeLocale {
  return typeof value === "string" && (PRACTICE_LOCALES as readonly string[]).includes(value);
}

/**
 * The locale a new practice starts with, from its country: the UK and Ireland
 * read as en-GB, Canada and Australia as theirs, everyone else as en-US (the
 * app's words are English). The owner can change it in the practice details.
 */
export function localeForCountry(country: string | null | undefined): PracticeLocale {
  switch ((country ?? "").toUpperCase()) {
    case "GB":
    case "IE":
      return "en-GB";
    case "CA":
      return "en-CA";
    case "AU":
      return "en-AU";
    default:
      return "en-US";
  }
}
