import { describe, expect, test } from "vitest";
import { appointmentCptSchema, formatCptLines, parseCptLines } from "@/lib/billing/cpt-lines";
import { ICD10 } from "@/lib/billing/diagnosis-schema";
import { diagnosisExample, diagnosisSuggestions } from "@/lib/billing/diagnosis-suggestions";
import { superbillDetailsSchema } from "@/lib/clients/address-schema";
import { clientSchema } from "@/lib/clients/client-schema";
import { serviceBillingSchema } from "@/lib/billing/settings-schema";
import { createLogger } from "@/lib/log/logger";

describe("CPT lines", () => {
  test("a PT visit's lines: codes, units as x2 or ×2, modifiers, in order", () => {
    expect(parseCptLines("97110 x2 GP\n97140 gp\n0552T ×1")).toEqual({
      ok: true,
      lines: [
        { code: "97110", units: 2, modifiers: ["GP"] },
        { code: "97140", units: 1, modifiers: ["GP"] },
        { code: "0552T", units: 1, modifiers: [] },
      ],
    });
    expect(parseCptLines("  \n")).toEqual({ ok: true, lines: [] });
  });

  test("a bad code, units or modifier is refused with a message naming the line", () => {
    expect(parseCptLines("9711")).toEqual({ ok: false, message: "9711 is not a CPT code: 5 digits, or 4 digits and a letter, e.g. 97110" });
    expect(parseCptLines("97110\n9714A0")).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 2: 9714A0 is not a CPT code/) });
    expect(parseCptLines("97110 x9")).toEqual({ ok: false, message: "units must be between 1 and 8" });
    expect(parseCptLines("97110 x0")).toEqual({ ok: false, message: "units must be between 1 and 8" });
    expect(parseCptLines("97110 x2 x3")).toMatchObject({ ok: false, message: expect.stringContaining("units once") });
    expect(parseCptLines("97110 GPX")).toEqual({ ok: false, message: "GPX is not a modifier: modifiers are 2 letters or digits, e.g. GP or 59" });
    expect(parseCptLines("97110 GP 59 KX XS 25")).toEqual({ ok: false, message: "at most 4 modifiers" });
  });

  test("the form schema gives a field error on cptLines; saved lines read back as typed", () => {
    const bad = appointmentCptSchema.safeParse({ cptLines: "97110 x20" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["cptLines"], message: "units must be between 1 and 8" });
    const text = "97110 x2 GP\n97140 GP";
    const good = appointmentCptSchema.parse({ cptLines: text });
    expect(formatCptLines(good.cptLines)).toBe(text);
    const service = serviceBillingSchema.safeParse({ paymentMode: "none", deposit: "", cptLines: "90847 X", asksSuperbillDetails: "on" });
    expect(service.error?.issues.map((i) => i.path.join("."))).toEqual(["cptLines"]);
  });
});

describe("diagnosis suggestions per practice kind", () => {
  test("a pelvic PT clinic is offered pelvic codes, not mental-health ones", () => {
    const codes = diagnosisSuggestions("pelvic_pt").map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(["N39.3", "N39.41", "R10.2", "N94.10", "M62.89"]));
    expect(codes.some((c) => c.startsWith("F") || c.startsWith("Z63"))).toBe(false);
    expect(diagnosisExample("pelvic_pt")).not.toMatch(/F43|Z63/);
  });

  test("couples therapy gets relationship and adjustment codes; coaching none", () => {
    const codes = diagnosisSuggestions("couples_therapy").map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(["Z63.0", "F43.23"]));
    expect(codes.some((c) => c.startsWith("N") || c.startsWith("M"))).toBe(false);
    expect(diagnosisSuggestions("coaching")).toEqual([]);
  });

  test("every suggestion is a well-formed ICD-10-CM code the diagnosis field accepts", () => {
    for (const kind of ["pelvic_pt", "couples_therapy", "coaching"] as const) for (const s of diagnosisSuggestions(kind)) expect(s.code).toMatch(ICD10);
  });
});

describe("date of birth and address", () => {
  test("booking's superbill details: each missing or bad field is named", () => {
    const r = superbillDetailsSchema.safeParse({ dateOfBirth: "2990-01-01", addressLine1: "", city: "", postalCode: "!!", country: "USA" });
    const fields = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(fields).toEqual({
      dateOfBirth: "Enter a real date of birth in the past, e.g. 1990-04-21",
      addressLine1: "Address line 1 is required",
      city: "City is required",
      postalCode: "Enter a postal code of letters, digits, spaces or dashes",
      country: "Country: use the two-letter code, e.g. US",
    });
    expect(superbillDetailsSchema.parse({ dateOfBirth: "1988-03-14", addressLine1: "12 Elm St", city: "Chicago", region: "IL", postalCode: "60614", country: "us" })).toEqual({
      dateOfBirth: "1988-03-14",
      addressLine1: "12 Elm St",
      addressLine2: null,
      city: "Chicago",
      region: "IL",
      postalCode: "60614",
      country: "US",
    });
  });

  test("the staff client form: an address line needs its city, postal code and country; none at all is fine", () => {
    const base = { firstName: "Ana", lastName: "Reyes" };
    expect(clientSchema.safeParse(base).success).toBe(true);
    const r = clientSchema.safeParse({ ...base, addressLine1: "12 Elm St" });
    expect((r.error?.issues ?? []).map((i) => i.path.join(".")).sort()).toEqual(["city", "country", "postalCode"]);
  });

  test("the logger never writes an address or a date of birth", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", destination: { write: (l: string) => void lines.push(l) } });
    logger.info({ client: { addressLine1: "14 Orchard Lane", postalCode: "60614", dateOfBirth: "1988-03-14" }, city: "Chicago" }, "saved");
    expect(lines.join("")).not.toMatch(/Orchard|60614|1988|Chicago/);
  });
});
