import { parseArgs } from "node:util";
import { countryCurrency } from "@/lib/practices/countries";
import type { NewPracticeInput } from "@/lib/practices/sign-up-schema";

/**
 * `npm run practice:create -- --name … --owner …` as createPractice's input
 * (lib/practices/sign-up-schema.ts then checks it, like the web form's).
 * Pure: no database, no settings, so a usage mistake answers at once.
 */
export const PRACTICE_CREATE_USAGE = `Usage: npm run practice:create -- --name "Harbor Couples Therapy" --owner "Dana Reyes <dana@example.com>" [options]

  --name        the practice's name (required)
  --owner       the owner: "Name <email>", an email address, or a name with --email (required)
  --email       the owner's email address, when --owner is a name
  --kind        couples-therapy (default), coaching or pelvic-pt
  --country     US (default), GB, IE, AU, DE, FR, … (ISO 3166 code)
  --time-zone   an IANA zone, e.g. America/Chicago (default: this machine's)
  --currency    USD, GBP, EUR or AUD (default: the country's)
  --slug        the web address (default: made from the name)`;

/** Which flag to name when the schema refuses a field. */
export const FLAG_FOR_FIELD: Record<string, string> = {
  name: "--name",
  slug: "--slug",
  kind: "--kind",
  country: "--country",
  timeZone: "--time-zone",
  currency: "--currency",
  ownerName: "--owner",
  ownerEmail: "--owner / --email",
};

export type PracticeCreateArgs = { ok: true; input: NewPracticeInput } | { ok: false; message: string };

export function parsePracticeCreateArgs(argv: string[], machineTimeZone: string): PracticeCreateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        name: { type: "string" },
        owner: { type: "string" },
        email: { type: "string" },
        kind: { type: "string" },
        country: { type: "string" },
        "time-zone": { type: "string" },
        currency: { type: "string" },
        slug: { type: "string" },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (!values.name) return { ok: false, message: "--name is required" };
  if (!values.owner) return { ok: false, message: "--owner is required" };
  const owner = ownerOf(values.owner, values.email);
  if (!owner) return { ok: false, message: "--owner needs an email address: --owner \"Name <email>\", --owner email, or --owner Name --email email" };
  const country = (values.country ?? "US").toUpperCase();
  return {
    ok: true,
    input: {
      name: values.name,
      slug: values.slug,
      kind: (values.kind ?? "couples_therapy").replace(/-/g, "_") as NewPracticeInput["kind"],
      country: country as NewPracticeInput["country"],
      timeZone: values["time-zone"] ?? machineTimeZone,
      currency: (values.currency?.toUpperCase() ?? countryCurrency(country) ?? "USD") as NewPracticeInput["currency"],
      ownerName: owner.name,
      ownerEmail: owner.email,
    },
  };
}

/** "Dana Reyes <dana@x.test>", "dana@x.test" (the name is then the address's first part), or a name with --email. */
function ownerOf(owner: string, email: string | undefined): { name: string; email: string } | null {
  const angle = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(owner);
  if (angle) return { name: angle[1] || angle[2]!.split("@")[0]!, email: angle[2]! };
  if (owner.includes("@")) return { name: email ? owner : owner.split("@")[0]!, email: email ?? owner };
  return email ? { name: owner, email } : null;
}
