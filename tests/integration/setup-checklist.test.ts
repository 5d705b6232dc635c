import { NextRequest } from "next/server";
import { and, eq, inArray } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { locations, practiceBilling, practices, serviceClinicians, services } from "@/db/schema";
import { DEMO_PRACTICE_SLUGS, seedDemo } from "@/db/seed";
import { GET as slotsRoute } from "@/app/api/book/[slug]/slots/route";
import { POST as holdsRoute } from "@/app/api/book/[slug]/holds/route";
import { POST as confirmRoute } from "@/app/api/book/[slug]/confirm/route";
import { saveWeeklyHours } from "@/lib/booking/manage-availability";
import { findPracticeBySlug } from "@/lib/booking/public-services";
import { saveService } from "@/lib/booking/save-service";
import { getPublicPractice, listPublicPractices } from "@/lib/practices/public-practices";
import { loadSetupChecklist } from "@/lib/setup/checklist";
import { decideStep, publishPractice, resumeStep, skipStep, unpublishPractice } from "@/lib/setup/record-step";
import { savePracticeDetails } from "@/lib/setup/save-details";
import { SERVICE_TEMPLATES, serviceFormFromTemplate } from "@/lib/setup/service-templates";
import { inviteMember } from "@/lib/team/manage-team";
import { auditEventsFor, createMember, createPractice, scopeFor, uniqueEmail } from "./helpers/factories";

const NOW = new Date("2026-12-02T10:00:00Z");

/** A practice as the sign-up leaves it: unpublished, one owner, nothing set up. */
async function newPractice(country = "US") {
  const practice = await createPractice({ published: false, country, kind: "pelvic_pt" });
  const owner = await createMember(practice, { role: "owner" });
  return { practice, owner, scope: scopeFor(owner) };
}

async function statuses(practiceId: string) {
  const list = await loadSetupChecklist(practiceId);
  return Object.fromEntries(list!.steps.map((s) => [s.id, s.status]));
}

const ALL_TODO = { details: "todo", service: "todo", hours: "todo", payments: "todo", forms: "todo", team: "todo", publish: "todo" };

describe("the setup checklist", () => {
  test("a new practice starts with every step to do, details first", async () => {
    const { practice } = await newPractice();
    const list = await loadSetupChecklist(practice.id);
    expect(list).toMatchObject({ practiceSlug: practice.slug, doneCount: 0, total: 7, complete: false, next: "details", publishedAt: null });
    expect(await statuses(practice.id)).toEqual(ALL_TODO);
  });

  test("each step is done when the practice's data says so, not when a row claims it", async () => {
    const { practice, owner, scope } = await newPractice();

    // Details: address, phone, tax ID and NPI; the address becomes the first location when asked.
    const details = await savePracticeDetails(
      scope,
      { phone: "+1 503 555 0142", onlineOnly: false, addressLine1: "12 Alder Street", city: "Portland", region: "OR", postalCode: "97201", taxId: "84-1234567", npi: "1234567893", seeClientsHere: true },
      NOW,
    );
    expect(details).toEqual({ ok: true });
    const [billing] = await db.select().from(practiceBilling).where(eq(practiceBilling.practiceId, practice.id));
    expect(billing).toMatchObject({ taxId: "84-1234567", npi: "1234567893" });
    const [location] = await db.select().from(locations).where(eq(locations.practiceId, practice.id));
    expect(location).toMatchObject({ name: practice.name, addressLine1: "12 Alder Street", city: "Portland" });
    expect((await auditEventsFor(practice.id, "practice.details_update"))[0]?.detail).not.toHaveProperty("addressLine1");

    // A service nobody offers is not bookable; the template with its clinician is.
    const template = SERVICE_TEMPLATES.pelvic_pt[0]!;
    expect(template).toMatchObject({ durationMinutes: 60, name: "Postpartum pelvic floor evaluation" });
    const withNobody = await saveService(scope, null, serviceFormFromTemplate(template, { currency: "USD", clinicianIds: [], hasLocations: true }));
    expect(withNobody.ok).toBe(true);
    expect((await statuses(practice.id)).service).toBe("todo");
    const saved = await saveService(scope, null, serviceFormFromTemplate(template, { currency: "USD", clinicianIds: [owner.member.id], hasLocations: true }));
    expect(saved.ok).toBe(true);
    const [row] = await db.select().from(services).where(and(eq(services.practiceId, practice.id), eq(services.format, "in_person")));
    expect(row).toMatchObject({ durationMinutes: 60, priceCents: 19500 });

    // A stored "done" for a data step counts for nothing.
    expect(await decideStep(scope, "hours", "solo", NOW)).toMatchObject({ ok: false, code: "invalid" });
    expect((await statuses(practice.id)).hours).toBe("todo");
    expect(await saveWeeklyHours(scope, owner.member.id, { timeZone: "", rows: [{ weekday: "1", start: "09:00", end: "17:00", locationId: location!.id }] })).toEqual({
      ok: true,
    });

    // Team: an invitation is enough (the invited member counts before they join).
    expect(await inviteMember(scope, { email: uniqueEmail("pt"), displayName: "Dr. Ana Ruiz", role: "clinician", credentials: "DPT" })).toEqual({ ok: true });

    expect(await statuses(practice.id)).toEqual({ ...ALL_TODO, details: "done", service: "done", hours: "done", team: "done" });
    const list = await loadSetupChecklist(practice.id);
    expect(list).toMatchObject({ doneCount: 4, complete: false, next: "payments" });
  });

  test("skipping keeps a step on the list, resumable; a decision finishes it", async () => {
    const { practice, scope } = await newPractice();
    expect(await skipStep(scope, "details", NOW)).toEqual({ ok: true });
    expect(await skipStep(scope, "payments", NOW)).toEqual({ ok: true });
    let list = (await loadSetupChecklist(practice.id))!;
    expect(list.steps.find((s) => s.id === "details")?.status).toBe("skipped");
    // Continue goes to what is still to do before what was skipped.
    expect(list.next).toBe("service");

    expect(await decideStep(scope, "payments", "no_online_payments", NOW)).toEqual({ ok: true });
    expect(await decideStep(scope, "forms", "reviewed", NOW)).toEqual({ ok: true });
    expect(await decideStep(scope, "team", "solo", NOW)).toEqual({ ok: true });
    expect(await decideStep(scope, "payments", "free_money", NOW)).toMatchObject({ ok: false, code: "invalid" });
    // Skipping what was decided does not undo the decision.
    expect(await skipStep(scope, "forms", NOW)).toEqual({ ok: true });
    list = (await loadSetupChecklist(practice.id))!;
    expect(list.steps.find((s) => s.id === "payments")).toMatchObject({ status: "done", choice: "no_online_payments" });
    expect(await statuses(practice.id)).toEqual({ ...ALL_TODO, details: "skipped", payments: "done", forms: "done", team: "done" });

    expect(await resumeStep(scope, "details")).toEqual({ ok: true });
    expect((await statuses(practice.id)).details).toBe("todo");
    for (const step of ["details", "service", "hours", "publish"]) await skipStep(scope, step, NOW);
    list = (await loadSetupChecklist(practice.id))!;
    // Nothing left to do: complete, with three steps done and four skipped.
    expect(list).toMatchObject({ complete: true, doneCount: 3, next: "details" });
    expect(await skipStep(scope, "nonsense", NOW)).toMatchObject({ ok: false, code: "invalid" });
  });

  test("clinicians and front desk cannot change the setup", async () => {
    const { practice } = await newPractice();
    for (const role of ["clinician", "front_desk"] as const) {
      const member = scopeFor(await createMember(practice, { role }));
      expect(await skipStep(member, "details", NOW)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await decideStep(member, "forms", "reviewed", NOW)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await publishPractice(member, NOW)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await savePracticeDetails(member, { phone: "+1 503 555 0100", onlineOnly: true }, NOW)).toMatchObject({ ok: false, code: "forbidden" });
    }
    const [row] = await db.select({ publishedAt: practices.publishedAt }).from(practices).where(eq(practices.id, practice.id));
    expect(row?.publishedAt).toBeNull();
  });

  test("the NPI exists for US practices only; an online-only practice needs no address", async () => {
    const { practice, scope } = await newPractice("GB");
    const refused = await savePracticeDetails(scope, { phone: "+44 20 7946 0000", onlineOnly: true, taxId: "GB 123 4567 89", npi: "1234567893" }, NOW);
    expect(refused).toMatchObject({ ok: false, code: "invalid", errors: { npi: ["An NPI is a US number: leave it empty"] } });
    const noAddress = await savePracticeDetails(scope, { phone: "+44 20 7946 0000", onlineOnly: false }, NOW);
    expect(noAddress).toMatchObject({ ok: false, errors: { addressLine1: [expect.stringContaining("Address is required")] } });
    expect((await statuses(practice.id)).details).toBe("todo");
    expect(await savePracticeDetails(scope, { phone: "+44 20 7946 0000", onlineOnly: true, taxId: "GB 123 4567 89", addressLine1: "ignored" }, NOW)).toEqual({ ok: true });
    const [row] = await db.select({ addressLine1: practices.addressLine1, phone: practices.phone }).from(practices).where(eq(practices.id, practice.id));
    expect(row).toEqual({ addressLine1: null, phone: "+44 20 7946 0000" });
    const [billing] = await db.select({ taxId: practiceBilling.taxId, npi: practiceBilling.npi }).from(practiceBilling).where(eq(practiceBilling.practiceId, practice.id));
    expect(billing).toEqual({ taxId: "GB123456789", npi: null });
    expect((await statuses(practice.id)).details).toBe("done");
  });
});

describe("publishing the booking page", () => {
  const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
  const slotsFor = (slug: string, serviceId: string) =>
    slotsRoute(new NextRequest(`http://localhost/api/book/${slug}/slots?service=${serviceId}&from=2031-03-03T00:00:00Z&to=2031-03-04T00:00:00Z`), params(slug));
  const post = (slug: string, what: string) =>
    new NextRequest(`http://localhost/api/book/${slug}/${what}`, { method: "POST", body: JSON.stringify({}), headers: { "content-type": "application/json" } });

  test("an unpublished practice's page and booking API answer not found until it publishes, and again after it unpublishes", async () => {
    const { practice, owner, scope } = await newPractice();
    const [service] = await db
      .insert(services)
      .values({ practiceId: practice.id, name: "Evaluation", durationMinutes: 60, priceCents: 0, format: "online", attendance: "individual" })
      .returning();
    await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: owner.member.id });

    expect(await getPublicPractice(practice.slug)).toBeNull();
    expect(await findPracticeBySlug(practice.slug)).toBeNull();
    expect((await listPublicPractices()).map((p) => p.slug)).not.toContain(practice.slug);
    expect((await slotsFor(practice.slug, service!.id)).status).toBe(404);
    expect((await holdsRoute(post(practice.slug, "holds"), params(practice.slug))).status).toBe(404);
    expect((await confirmRoute(post(practice.slug, "confirm"), params(practice.slug))).status).toBe(404);

    expect(await publishPractice(scope, NOW)).toEqual({ ok: true });
    expect(await publishPractice(scope, new Date(NOW.getTime() + 60_000))).toEqual({ ok: true });
    const list = (await loadSetupChecklist(practice.id))!;
    expect(list.publishedAt).toEqual(NOW);
    expect(list.steps.find((s) => s.id === "publish")?.status).toBe("done");
    expect((await getPublicPractice(practice.slug))?.id).toBe(practice.id);
    expect((await listPublicPractices()).map((p) => p.slug)).toContain(practice.slug);
    expect((await slotsFor(practice.slug, service!.id)).status).toBe(200);
    expect(await auditEventsFor(practice.id, "practice.publish")).toHaveLength(1);

    expect(await unpublishPractice(scope)).toEqual({ ok: true });
    expect((await slotsFor(practice.slug, service!.id)).status).toBe(404);
    expect(await getPublicPractice(practice.slug)).toBeNull();
  });

  test("the seeded demo practices are published with the checklist complete", async () => {
    const outcome = await db
      .transaction(async (tx) => {
        await seedDemo(tx);
        const rows = await tx.select().from(practices).where(inArray(practices.slug, Object.values(DEMO_PRACTICE_SLUGS)));
        expect(rows).toHaveLength(3);
        for (const p of rows) {
          expect(p.publishedAt, p.slug).not.toBeNull();
          const list = await loadSetupChecklist(p.id, tx);
          expect(list, p.slug).toMatchObject({ complete: true, doneCount: 7, next: null });
        }
        tx.rollback();
      })
      .catch((e: unknown) => (e instanceof TransactionRollbackError ? "rolled back" : Promise.reject(e)));
    expect(outcome).toBe("rolled back");
  });
});
