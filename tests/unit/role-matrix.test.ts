import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { memberRole } from "@/db/schema";
import { CAPABILITIES, ROLES, ROLE_LABELS, ROLE_MATRIX, can, rolesWith, type Capability } from "@/lib/auth/roles";
import { CLINIC_ACTIONS } from "../clinic-actions";

// The matrix as a reader of the decision note sees it: O A C F = owner, admin, clinician, front desk.
const EXPECTED: Record<Capability, string> = {
  "practice.view": "OACF",
  "schedule.view": "OACF",
  "schedule.book": "OACF",
  "sessions.take": "O.C.",
  "clients.view": "OACF",
  "clients.edit": "OACF",
  "couples.link": "OACF",
  "clinical.read": "OAC.",
  "diagnoses.record_own": "OAC.",
  "diagnoses.record_any": "OA..",
  "billing.read": "OA.F",
  "billing.export": "OA.F",
  "payments.refund": "OA.F",
  "payments.take": "OA.F",
  "payments.confirm_unpaid": "OA.F",
  "fees.charge": "OA.F",
  "fees.waive": "OACF",
  "superbill.generate": "OA..",
  "data.export": "OA..",
  "team.manage": "OA..",
  "team.manage_owners": "O...",
  "team.security": "O...",
  "settings.manage": "OA..",
  "brand.manage": "O...",
  "availability.own": "OAC.",
  "availability.others": "OA..",
  "exercises.edit": "OAC.",
  "homework.assign": "OAC.",
  "forms.send": "OACF",
  "forms.build": "OAC.",
  "plans.write": "OAC.",
  "gfe.issue": "OAC.",
  "gfe.track": "OACF",
  "notes.write": "O.C.",
  "notes.cosign": "O.C.",
  "notes.templates": "OAC.",
  "products.manage": "OA..",
  "events.manage": "OAC.",
  "waitlist.manage": "OACF",
};

const row = (c: Capability) => ROLES.map((r, i) => (can(r, c) ? "OACF"[i] : ".")).join("");

describe("the role matrix", () => {
  test.each(CAPABILITIES)("%s", (capability) => {
    expect(row(capability)).toBe(EXPECTED[capability]);
    expect(rolesWith(capability)).toEqual(ROLES.filter((r) => can(r, capability)));
  });

  test("lists every capability the expected table does, and no other", () => {
    expect([...CAPABILITIES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test("front desk reach no clinical data; clinicians reach no money", () => {
    for (const c of ["clinical.read", "diagnoses.record_own", "homework.assign", "forms.build", "superbill.generate"] as const) expect(can("front_desk", c), c).toBe(false);
    for (const c of ["billing.read", "billing.export", "payments.refund", "fees.charge", "superbill.generate"] as const) expect(can("clinician", c), c).toBe(false);
  });

  test("a superbill (codes, date of birth and payments) needs both clinical and billing reach", () => {
    for (const r of ROLES) expect(can(r, "superbill.generate"), r).toBe(can(r, "clinical.read") && can(r, "billing.read"));
  });

  test("a wider capability implies the narrower one", () => {
    const implies: [Capability, Capability][] = [
      ["availability.others", "availability.own"],
      ["diagnoses.record_any", "diagnoses.record_own"],
      ["diagnoses.record_own", "clinical.read"],
      ["team.manage_owners", "team.manage"],
      ["homework.assign", "clinical.read"],
      ["billing.export", "billing.read"],
      ["payments.refund", "billing.read"],
      ["fees.charge", "billing.read"],
      ["data.export", "clinical.read"],
      ["data.export", "billing.read"],
    ];
    for (const [wide, narrow] of implies) for (const r of ROLES) if (can(r, wide)) expect(can(r, narrow), `${r}: ${wide} → ${narrow}`).toBe(true);
  });

  test("is a plain record of booleans for the four roles", () => {
    for (const c of CAPABILITIES) expect(Object.keys(ROLE_MATRIX[c]).sort()).toEqual([...ROLES].sort());
  });
});

// --- Every clinic entry point asks the matrix ------------------------------

const CLINIC = join(process.cwd(), "app/(clinic)/clinic/[practice]");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

/**
 * Each exported function of a file with its body (up to the next top-level export). In a
 * server actions file every exported const is an action too (`export const x = memberAction(…)`),
 * so one made any other way is an entry point that the tests below fail.
 */
function exportedFunctions(source: string, isActions: boolean): { name: string; body: string }[] {
  const re = isActions ? /^export (?:(?:default )?async function|const) (\w+)/gm : /^export (?:default )?async function (\w+)/gm;
  const starts = [...source.matchAll(re)];
  return starts.map((m, i) => ({ name: m[1]!, body: source.slice(m.index, starts[i + 1]?.index ?? source.length) }));
}

/** The capability an entry point asks for first: `await requireMember(slug, "…")`, or the action wrapper's `memberAction("…", …)`. */
function askedCapability(body: string): string | undefined {
  return (/^export const \w+ = memberAction\(\s*"([a-z_.]+)"/.exec(body) ?? /await requireMember\(.+?, "([a-z_.]+)"\)/.exec(body))?.[1];
}


describe("every clinic page, route handler and server action", () => {
  const files = filesUnder(CLINIC).filter((f) => /(page\.tsx|route\.ts|actions\.ts|layout\.tsx)$/.test(f));
  const entries = files.flatMap((f) => exportedFunctions(readFileSync(f, "utf8"), f.endsWith("actions.ts")).map((fn) => ({ id: `${relative(CLINIC, f)}#${fn.name}`, ...fn })));

  test("finds the entry points", () => {
    expect(entries.length).toBeGreaterThan(60);
  });

  test.each(entries.map((e) => [e.id, e] as const))("%s calls requireMember (or is a memberAction) with a capability first", (_id, entry) => {
    const capability = askedCapability(entry.body);
    expect(capability, "no requireMember(…, capability) call and no memberAction(capability, …)").toBeDefined();
    expect(CAPABILITIES).toContain(capability);
  });

  test("every server action is wrapped by memberAction, which guards before it parses or runs anything", () => {
    const actions = entries.filter((e) => e.id.includes("actions.ts#"));
    expect(actions.length).toBe(Object.keys(CLINIC_ACTIONS).length);
    for (const a of actions) expect(a.body, a.id).toMatch(/^export const \w+ = memberAction\(/);
    const wrapper = readFileSync(join(process.cwd(), "lib/actions/member-action.ts"), "utf8");
    const body = wrapper.slice(wrapper.indexOf("return async (practiceSlug, ...args) => {"));
    expect(body.indexOf("await requireMember(practiceSlug, capability)")).toBeGreaterThan(0);
    expect(body.indexOf("await requireMember(practiceSlug, capability)")).toBeLessThan(body.indexOf("parseArgs("));
  });

  test("each server action asks for the capability listed for it", () => {
    const found = Object.fromEntries(
      entries.filter((e) => e.id.includes("actions.ts#")).map((e) => [e.id, askedCapability(e.body)]),
    );
    expect(found).toEqual(CLINIC_ACTIONS);
  });
});

test("the role list is the database's member_role enum, in order, and every role has a label", () => {
  expect([...ROLES]).toEqual(memberRole.enumValues);
  expect(Object.keys(ROLE_LABELS)).toEqual([...ROLES]);
});
