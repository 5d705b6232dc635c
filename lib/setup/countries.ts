/**
 * Which practice identifiers a country has, for the practice details step.
 * The NPI is a US number (the National Provider Identifier on US claims and
 * superbills): it is asked for, and accepted, only for US practices. Every
 * country we bill in has a business tax number; only its name differs.
 * Pure: the form and the server both read it.
 */
export interface CountryIdentifiers {
  taxIdLabel: string;
  taxIdHint: string;
  npi: boolean;
}

const TAX_IDS: Record<string, Omit<CountryIdentifiers, "npi">> = {
  US: { taxIdLabel: "EIN (tax ID)", taxIdHint: "For example 84-1234567. Printed on superbills." },
  GB: { taxIdLabel: "UTR or VAT number", taxIdHint: "For example GB123456789. Printed on receipts." },
  AU: { taxIdLabel: "ABN", taxIdHint: "11 digits, for example 51824753556. Printed on receipts." },
  IE: { taxIdLabel: "VAT number", taxIdHint: "For example IE1234567T. Printed on receipts." },
};

const OTHER = { taxIdLabel: "Tax ID", taxIdHint: "Your business tax number, printed on receipts." };

export function identifiersFor(country: string | null | undefined): CountryIdentifiers {
  const code = (country ?? "").toUpperCase();
  return { ...(TAX_IDS[code] ?? OTHER), npi: code === "US" };
}
