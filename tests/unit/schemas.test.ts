import { describe, expect, test } from "vitest";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { clientSchema, coupleSchema } from "@/lib/clients/client-schema";
import { zodFieldErrors } from "@/lib/form-result";
import { changeRoleSchema, inviteSchema, removeMemberSchema } from "@/lib/team/team-schema";
import type { z } from "zod";

/** The `{ field: [messages] }` a form shows, or null when the input is valid. */
function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? null : zodFieldErrors(result.error);
}

describe("sign-in form", () => {
  test("trims and lower-cases the email", () => {
    expect(signInSchema.parse({ email: "  Alex.Rivera@Example.COM " })).toEqual({ email: "alex.rivera@example.com" });
  });

  test("a bad or missing email is an error on `email`", () => {
    expect(errorsOf(signInSchema, { email: "not-an-email" })).toEqual({ email: ["Enter a valid email address"] });
    expect(errorsOf(signInSchema, { email: "" })).toEqual({ email: ["Enter a valid email address"] });
    expect(Object.keys(errorsOf(signInSchema, {}) ?? {})).toEqual(["email"]);
  });

  test("an over-long email is an error on `email`", () => {
    const long = `${"a".repeat(250)}@example.com`;
    expect(errorsOf(signInSchema, { email: long })?.email).toContain("Email address is too long");
  });
});

describe("client form", () => {
  const minimal = { firstName: "Jordan", lastName: "Lee" };

  test("normalises a full form: trimmed, lower-cased email, empty optionals become null", () => {
    expect(
      clientSchema.parse({
        firstName: "  Jordan ",
        lastName: " Lee ",
        preferredName: "",
        pronouns: " they/them ",
        email: " Jordan.Lee@Example.com ",
        phone: "+1 (555) 010-2030",
        dateOfBirth: "1988-04-12",
        portalAccess: true,
      }),
    ).toEqual({
      firstName: "Jordan",
      lastName: "Lee",
      preferredName: null,
      pronouns: "they/them",
      email: "jordan.lee@example.com",
      phone: "+1 (555) 010-2030",
      dateOfBirth: "1988-04-12",
      addressLine1: null,
      addressLine2: null,
      city: null,
      region: null,
      postalCode: null,
      country: null,
      portalAccess: true,
    });
  });

  test("only names are required; everything else defaults to null / no portal", () => {
    expect(clientSchema.parse(minimal)).toEqual({
      ...minimal,
      preferredName: null,
      pronouns: null,
      email: null,
      phone: null,
      dateOfBirth: null,
      addressLine1: null,
      addressLine2: null,
      city: null,
      region: null,
      postalCode: null,
      country: null,
      portalAccess: false,
    });
    expect(clientSchema.parse({ ...minimal, email: "", phone: "", dateOfBirth: "" })).toMatchObject({
      email: null,
      phone: null,
      dateOfBirth: null,
    });
  });

  test("missing names are errors on `firstName` and `lastName`", () => {
    expect(errorsOf(clientSchema, { firstName: "  ", lastName: "" })).toEqual({
      firstName: ["First name is required"],
      lastName: ["Last name is required"],
    });
  });

  test("each bad field is reported under its own name", () => {
    const errors = errorsOf(clientSchema, {
      ...minimal,
      email: "nope",
      phone: "12",
      dateOfBirth: "1990-02-30",
      pronouns: "x".repeat(41),
    });
    expect(errors).toEqual({
      email: ["Enter a valid email address"],
      phone: ["Enter a phone number with at least 7 digits"],
      dateOfBirth: ["Enter a real date in the past"],
      pronouns: ["Pronouns must be at most 40 characters"],
    });
  });

  test("date of birth must be a real ISO date in the past, from 1900", () => {
    const dob = (dateOfBirth: string) => errorsOf(clientSchema, { ...minimal, dateOfBirth });
    expect(dob("1990-01-31")).toBeNull();
    expect(dob("31/01/1990")).toEqual({ dateOfBirth: ["Enter a real date in the past"] });
    expect(dob("1899-12-31")).toEqual({ dateOfBirth: ["Enter a real date in the past"] });
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(dob(`${nextYear}-01-01`)).toEqual({ dateOfBirth: ["Enter a real date in the past"] });
  });

  test("too-long names are reported", () => {
    expect(errorsOf(clientSchema, { firstName: "a".repeat(101), lastName: "Lee" })).toEqual({
      firstName: ["First name must be at most 100 characters"],
    });
  });

  test("couple link needs a partner id", () => {
    expect(errorsOf(coupleSchema, { partnerId: "someone" })).toEqual({ partnerId: ["Choose the partner to link"] });
    expect(errorsOf(coupleSchema, { partnerId: "7d3f9c1e-2b4a-4c6d-8e9f-0a1b2c3d4e5f" })).toBeNull();
  });
});

describe("team forms", () => {
  test("invite: email lower-cased, credentials optional", () => {
    expect(inviteSchema.parse({ email: " Sam@Clinic.Example ", displayName: " Sam Ortiz ", role: "clinician" })).toEqual({
      email: "sam@clinic.example",
      displayName: "Sam Ortiz",
      role: "clinician",
      credentials: null,
    });
    expect(
      inviteSchema.parse({ email: "sam@clinic.example", displayName: "Sam", role: "admin", credentials: " LMFT " }).credentials,
    ).toBe("LMFT");
  });

  test("invite: bad fields reported by name", () => {
    expect(errorsOf(inviteSchema, { email: "sam", displayName: " ", role: "boss", credentials: "x".repeat(61) })).toEqual({
      email: ["Enter a valid email address"],
      displayName: ["Name is required"],
      role: ["Choose a role"],
      credentials: ["Credentials must be at most 60 characters"],
    });
  });

  test("role change and removal need a member id and a real role", () => {
    expect(errorsOf(changeRoleSchema, { memberId: "42", role: "owner" })).toEqual({ memberId: ["Unknown member"] });
    expect(errorsOf(changeRoleSchema, { memberId: "7d3f9c1e-2b4a-4c6d-8e9f-0a1b2c3d4e5f", role: "superuser" })).toEqual({
      role: ["Choose a role"],
    });
    expect(errorsOf(removeMemberSchema, {})).toEqual({ memberId: ["Unknown member"] });
  });
});
