import { describe, expect, test } from "vitest";
import { setupStep } from "@/db/schema";
import { buildChecklist, whereNext, type SetupFacts } from "@/lib/setup/checklist";
import { identifiersFor } from "@/lib/setup/countries";
import { practiceDetailsSchemaFor } from "@/lib/setup/details-schema";
import { SERVICE_TEMPLATES, serviceFormFromTemplate } from "@/lib/setup/service-templates";
import { SETUP_STEP_IDS, nextStepAfter } from "@/lib/setup/steps";
import { serviceSchema } from "@/lib/booking/service-schema";

const NONE: SetupFacts = { hasDetails: false, hasBookableService: false, hasWeeklyHours: false, takesPayments: false, hasTeam: false, published: false };

describe("setup steps", () => {
  test("the list and the database enum name the same steps, in the same order", () => {
    expect(SETUP_STEP_IDS).toEqual(setupStep.enumValues);
    expect(nextStepAfter("details")).toBe("service");
    expect(nextStepAfter("publish")).toBeNull();
  });

  test("data finishes a step; a stored row finishes only a decision the step offers", () => {
    const list = buildChecklist(
      "p",
      { ...NONE, hasBookableService: true },
      [
        { step: "hours", status: "done", choice: "solo" },
        { step: "team", status: "done", choice: "solo" },
        { step: "details", status: "skipped", choice: null },
      ],
      null,
    );
    expect(Object.fromEntries(list.steps.map((s) => [s.id, s.status]))).toEqual({
      details: "skipped",
      service: "done",
      hours: "todo",
      payments: "todo",
      forms: "todo",
      team: "done",
      publish: "todo",
    });
    expect(list).toMatchObject({ doneCount: 2, total: 7, complete: false, next: "hours" });
    // On from a step: the next open one after it, then an earlier open one, never a finished one.
    expect(whereNext(list, "service")).toBe("hours");
    expect(whereNext(list, "publish")).toBe("details");
    const allButTeam = buildChecklist("p", { ...NONE, hasDetails: true, hasBookableService: true, hasWeeklyHours: true, takesPayments: true, published: true }, [{ step: "forms", status: "done", choice: "reviewed" }], null);
    expect(whereNext(allButTeam, "publish")).toBe("team");
    expect(whereNext(allButTeam, "team")).toBeNull();
  });

  test("every template for every kind is a service the form accepts", () => {
    for (const [kind, templates] of Object.entries(SERVICE_TEMPLATES)) {
      expect(templates.length, kind).toBeGreaterThan(0);
      for (const t of templates) {
        const values = serviceFormFromTemplate(t, { currency: "USD", clinicianIds: [], hasLocations: false });
        expect(values.format, t.id).not.toBe("in_person");
        expect(serviceSchema.safeParse(values).success, t.id).toBe(true);
      }
    }
    expect(SERVICE_TEMPLATES.couples_therapy.some((t) => t.durationMinutes === 50 && t.attendance === "couple")).toBe(true);
    expect(SERVICE_TEMPLATES.pelvic_pt.some((t) => t.durationMinutes === 60 && /postpartum/i.test(t.name))).toBe(true);
  });

  test("the NPI is asked for in the US only", () => {
    expect(identifiersFor("US").npi).toBe(true);
    for (const c of ["GB", "AU", "IE", "DE"]) expect(identifiersFor(c).npi, c).toBe(false);
    const us = practiceDetailsSchemaFor("US").safeParse({ phone: "+1 503 555 0100", onlineOnly: true, npi: "123" });
    expect(us.success).toBe(false);
    const au = practiceDetailsSchemaFor("AU").safeParse({ phone: "+61 2 5550 1234", onlineOnly: true, taxId: "51 824 753 556" });
    expect(au.success && au.data.taxId).toBe("51824753556");
  });
});
