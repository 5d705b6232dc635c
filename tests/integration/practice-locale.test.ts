import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, practices, services } from "@/db/schema";
import { buildSuperbill, superbillPdf } from "@/lib/billing/superbill";
import { loadClinicHome } from "@/lib/home/load-home";
import { createPractice as signUpPractice } from "@/lib/practices/create-practice";
import { savePracticeDetails } from "@/lib/setup/save-details";
import { createClient, createMember, createPractice, scopeFor, uniqueEmail, uniqueId } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";

// Issue 11 (decision 0044): the practice's locale is stored, checked, set in the practice details, and read by staff screens and PDFs.

const NOW = new Date("2026-12-03T09:00:00Z"); // 9:00 in London, Thursday 3 December 2026

const details = { phone: "+44 20 7946 0000", onlineOnly: true, taxId: "GB123456789" };

async function londonPractice(locale?: string) {
  const practice = await createPractice({ country: "GB", timeZone: "Europe/London", ...(locale ? { locale } : {}) });
  const owner = await createMember(practice, { role: "owner" });
  return { practice, owner, scope: scopeFor(owner) };
}

async function localeOf(practiceId: string) {
  const [row] = await db.select({ locale: practices.locale }).from(practices).where(eq(practices.id, practiceId));
  return row?.locale;
}

describe("a practice's locale", () => {
  test("starts as en-US, is set in the practice details with one schema, and a bad value is a field error that changes nothing", async () => {
    const { practice, scope } = await londonPractice();
    expect(await localeOf(practice.id)).toBe("en-US");

    expect(await savePracticeDetails(scope, { ...details, locale: "fr-FR" }, NOW)).toMatchObject({
      ok: false,
      code: "invalid",
      errors: { locale: ["Choose how dates and times read from the list"] },
    });
    expect(await localeOf(practice.id)).toBe("en-US");

    expect(await savePracticeDetails(scope, { ...details, locale: "en-GB" }, NOW)).toEqual({ ok: true });
    expect(await localeOf(practice.id)).toBe("en-GB");
    // A caller that leaves it out keeps the practice's.
    expect(await savePracticeDetails(scope, details, NOW)).toEqual({ ok: true });
    expect(await localeOf(practice.id)).toBe("en-GB");
  });

  test("the database refuses a locale outside the list", async () => {
    const { practice } = await londonPractice();
    await expect(db.update(practices).set({ locale: "de-DE" }).where(eq(practices.id, practice.id))).rejects.toThrow();
    expect(await localeOf(practice.id)).toBe("en-US");
  });

  test("sign-up starts a practice with its country's locale", async () => {
    const made = await signUpPractice(
      { name: `Thames Physio ${uniqueId()}`, kind: "pelvic_pt", country: "GB", timeZone: "Europe/London", currency: "GBP", ownerName: "Priya Shah", ownerEmail: uniqueEmail("priya") },
      { now: NOW, origin: "sign_up" },
    );
    expect(made).toMatchObject({ ok: true });
    const [row] = await db.select({ locale: practices.locale }).from(practices).where(eq(practices.slug, (made as { practice: { slug: string } }).practice.slug));
    expect(row?.locale).toBe("en-GB");
  });

  test("an en-GB practice's clinic home reads its sessions on the 24-hour clock; an en-US one on the 12-hour", async () => {
    for (const [locale, expected] of [
      ["en-GB", { title: "Thursday 3 December", time: "14:30 – 15:20" }],
      ["en-US", { title: "Thursday 3 December", time: "2:30 PM – 3:20 PM" }],
    ] as const) {
      const { practice } = await londonPractice(locale);
      const clinician = await createMember(practice, { role: "clinician" });
      const client = await createClient(practice, { firstName: "Ada" });
      const [svc] = await db.insert(services).values({ practiceId: practice.id, name: "Assessment", durationMinutes: 50, priceCents: 9000, currency: "GBP", format: "phone", attendance: "individual" }).returning();
      const startsAt = new Date("2026-12-03T14:30:00Z");
      const endsAt = new Date("2026-12-03T15:20:00Z");
      const [appt] = await db
        .insert(appointments)
        .values({ practiceId: practice.id, serviceId: svc!.id, memberId: clinician.member.id, format: "phone", startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status: "confirmed", priceCents: 9000, currency: "GBP" })
        .returning();
      await db.insert(appointmentAttendees).values({ practiceId: practice.id, appointmentId: appt!.id, clientId: client.id });

      const home = await loadClinicHome(scopeFor(clinician), NOW);
      expect(home.days.today.sessions.map((s) => s.time), locale).toEqual([expected.time]);
    }
  });

  test("an en-GB practice's superbill prints the date of birth and the period as words, the same day in any zone", async () => {
    const { practice } = await londonPractice("en-GB");
    const client = await createClient(practice, { firstName: "Ada", dateOfBirth: "1990-04-12" });
    const bill = await buildSuperbill(practice.id, client.id, { from: "2026-11-01", to: "2026-11-30" }, NOW);
    expect(bill).toMatchObject({ locale: "en-GB", client: { dateOfBirth: "1990-04-12" }, from: "2026-11-01" });
    const text = pdfText(await superbillPdf(bill!));
    expect(text).toContain("Date of birth: 12 April 1990");
    expect(text).toContain("Statement of services 1 Nov 2026 to 30 Nov 2026");
  });
});
