import type { PublicService } from "@/lib/booking/public-services";

/** A practice location as the booking page shows it. */
export type WizardLocation = { id: string; name: string; addressLine1: string; city: string; region: string | null; postalCode: string | null };

/** Where a session happens, in words: the room and its street for in person, else how it is held. */
export function placeLabel(format: PublicService["format"], locationId: string | null, locations: readonly WizardLocation[]): string {
  if (format === "online") return "Online (video)";
  if (format === "phone") return "By phone";
  // A one-site practice is at that site even before a time is picked.
  const site = locations.find((l) => l.id === locationId) ?? (locations.length === 1 ? locations[0] : undefined);
  if (!site) return "In person";
  return `${site.name}, ${site.addressLine1}, ${site.city}${site.region ? `, ${site.region}` : ""}${site.postalCode ? ` ${site.postalCode}` : ""}`;
}
