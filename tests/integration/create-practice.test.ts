import { randomInt } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { db } from "@/db/client";
import { auditEvents, formTemplates, members, practices, users } from "@/db/schema";
import { SIGN_UP_LIMITS } from "@/lib/auth/rate-limit";
import { MEASURES_BY_KIND, TEMPLATES_BY_KIND } from "@/lib/intake/starter-templates";
import { createPractice } from "@/lib/practices/create-practice";
import { signUp, type SignUpContext } from "@/lib/practices/sign-up";
import type { NewPracticeInput } from "@/lib/practices/sign-up-schema";
import { createClient, createPractice as createBarePractice, createUser, uniqueEmail, uniqueId } from "./helpers/factories";

const now = new Date("2026-12-02T09:00:00Z");

function uniqueIp(): string {
  return `2001:db8::${[0, 1, 2].map(() => randomInt(0, 0xffff).toString(16)).join(":")}`;
}

function form(overrides: Partial<NewPracticeInput> = {}): NewPracticeInput {
  return {
    name: `Riverbend Couples ${uniqueId()}`,
    kind: "couples_therapy",
    country: "US",
    timeZone: "America/Chicago",
    currency: "USD",
    ownerName: "Dana Reyes",
    ownerEmail: uniqueEmail("dana"),
    ...overrides,
  };
}

function context(overrides: Partial<SignUpContext> = {}) {
  const sendLink = vi.fn<SignUpContext["sendLink"]>(async () => {});
  return { ctx: { ip: uniqueIp(), now, signups: "open" as const, sendLink, ...overrides }, sendLink };
}

async function practicesNamed(name: string) {
  return db.select().from(practices).where(eq(practices.name, name));
}

async function userCount(email: string) {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.email, email));
  return row!.n;
}

describe("createPractice", () => {
  test("writes the practice, its owner (an invitation until the address is proven), the kind's starter forms and an audit event", async () => {
    const input = form({ name: "Åsa's Pelvic Health & Recovery", kind: "pelvic_pt", country: "GB", timeZone: "Europe/London", currency: "GBP", slug: `asa-${uniqueId()}` });
    const result = await createPractice(input, { now, origin: "sign_up" });
    expect(result).toMatchObject({ ok: true, status: "created", practice: { slug: input.slug, name: input.name }, owner: { email: input.ownerEmail } });
    if (!result.ok || result.status !== "created") throw new Error("not created");

    const [practice] = await db.select().from(practices).where(eq(practices.id, result.practice.id));
    expect(practice).toMatchObject({ kind: "pelvic_pt", country: "GB", timeZone: "Europe/London", currency: "GBP", createdAt: now });
    const team = await db.select().from(members).where(eq(members.practiceId, practice!.id));
    expect(team).toEqual([expect.objectContaining({ userId: result.owner.userId, role: "owner", displayName: "Dana Reyes", joinedAt: null })]);
    const [user] = await db.select().from(users).where(eq(users.id, result.owner.userId));
    expect(user).toMatchObject({ email: input.ownerEmail, name: "Dana Reyes" });

    const templates = await db.select({ slug: formTemplates.slug }).from(formTemplates).where(eq(formTemplates.practiceId, practice!.id));
    const expected = [...TEMPLATES_BY_KIND.pelvic_pt.map((t) => t.slug), ...MEASURES_BY_KIND.pelvic_pt.map((m) => m.slug)];
    expect(templates.map((t) => t.slug).sort()).toEqual(expected.sort());

    const audit = await db.select().from(auditEvents).where(eq(auditEvents.practiceId, practice!.id));
    expect(audit).toEqual([expect.objectContaining({ action: "practice.create", actorKind: "system", subjectId: practice!.id, detail: expect.objectContaining({ origin: "sign_up" }) })]);
  });

  test("the web address is made from the name when none is given: readable, lower-case, hyphenated", async () => {
    const tag = uniqueId();
    const result = await createPractice(form({ name: `Café Élan & Co. ${tag}` }), { now, origin: "sign_up" });
    expect(result).toMatchObject({ ok: true, status: "created", practice: { slug: `cafe-elan-and-co-${tag}` } });
  });

  test("a taken web address is refused on the slug field with a free one to suggest, writing nothing; the suggestion works", async () => {
    const name = `Harbor Light ${uniqueId()}`;
    const first = await createPractice(form({ name }), { now, origin: "sign_up" });
    if (!first.ok || first.status !== "created") throw new Error("not created");
    const slug = first.practice.slug;

    const secondForm = form({ name });
    const second = await createPractice(secondForm, { now, origin: "sign_up" });
    expect(second).toEqual({ ok: false, code: "conflict", reason: "slug_taken", field: "slug", suggestion: `${slug}-2`, message: expect.stringContaining(`${slug}-2`) });
    expect(await practicesNamed(name)).toHaveLength(1);
    expect(await userCount(secondForm.ownerEmail)).toBe(0);

    const withSuggestion = await createPractice({ ...secondForm, slug: `${slug}-2` }, { now, origin: "sign_up" });
    expect(withSuggestion).toMatchObject({ ok: true, status: "created", practice: { slug: `${slug}-2` } });
    // With -2 taken as well, the next free number.
    const third = await createPractice(form({ name }), { now, origin: "sign_up" });
    expect(third).toMatchObject({ ok: false, reason: "slug_taken", suggestion: `${slug}-3` });
  });

  test("an address that already owns a practice gets no second one, whatever the name", async () => {
    const ownerEmail = uniqueEmail("owner");
    const first = await createPractice(form({ ownerEmail }), { now, origin: "sign_up" });
    if (!first.ok || first.status !== "created") throw new Error("not created");
    const again = form({ ownerEmail: ownerEmail.toUpperCase(), name: `Another ${uniqueId()}` });
    const second = await createPractice(again, { now, origin: "command_line" });
    expect(second).toEqual({ ok: true, status: "existing_owner", owner: { userId: first.owner.userId, email: ownerEmail }, practiceSlugs: [first.practice.slug] });
    expect(await practicesNamed(again.name)).toHaveLength(0);
    const owned = await db.select().from(members).where(and(eq(members.userId, first.owner.userId), eq(members.role, "owner")));
    expect(owned).toHaveLength(1);
  });

  test("a person who is already a client elsewhere keeps their account and becomes the new practice's owner", async () => {
    const elsewhere = await createBarePractice();
    const user = await createUser({ email: uniqueEmail("client") });
    await createClient(elsewhere, { email: user.email, userId: user.id });
    const result = await createPractice(form({ ownerEmail: user.email }), { now, origin: "sign_up" });
    expect(result).toMatchObject({ ok: true, status: "created", owner: { userId: user.id } });
    expect(await userCount(user.email)).toBe(1);
  });

  test("bad input names each field and writes nothing", async () => {
    const ownerEmail = "not-an-address";
    const result = await createPractice(
      { name: " ", kind: "dentistry", country: "XX", timeZone: "Mars/Olympus_Mons", currency: "BTC", ownerName: "", ownerEmail, slug: "Not A Slug!" },
      { now, origin: "sign_up" },
    );
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(Object.keys(result.errors).sort()).toEqual(["country", "currency", "kind", "name", "ownerEmail", "ownerName", "slug", "timeZone"]);
    expect(result.errors.timeZone).toEqual(["Choose a time zone from the list"]);
    expect(result.errors.ownerEmail).toEqual(["Enter a valid email address"]);
    expect(await userCount(ownerEmail)).toBe(0);
  });

  test("a name with nothing readable in it asks for a web address", async () => {
    const result = await createPractice(form({ name: "★★★" }), { now, origin: "sign_up" });
    expect(result).toMatchObject({ ok: false, code: "invalid", errors: { slug: [expect.stringMatching(/Choose a web address/)] } });
  });
});

describe("signUp", () => {
  test("starts the practice and emails the owner a sign-in link that lands in its workspace", async () => {
    const input = form();
    const { ctx, sendLink } = context();
    const result = await signUp(input, ctx);
    expect(result).toEqual({ ok: true, status: "created", email: input.ownerEmail });
    const [practice] = await practicesNamed(input.name);
    expect(sendLink).toHaveBeenCalledExactlyOnceWith(input.ownerEmail, `/clinic/${practice!.slug}`);
  });

  test("an address that already owns a practice is sent a sign-in link instead, and no second practice is made", async () => {
    const ownerEmail = uniqueEmail("returning");
    await signUp(form({ ownerEmail }), context().ctx);
    const again = form({ ownerEmail });
    const { ctx, sendLink } = context();
    expect(await signUp(again, ctx)).toEqual({ ok: true, status: "existing_owner", email: ownerEmail });
    expect(sendLink).toHaveBeenCalledExactlyOnceWith(ownerEmail, "/after-sign-in");
    expect(await practicesNamed(again.name)).toHaveLength(0);
  });

  test("closed sign-ups (SIGNUPS=closed) refuse before anything is read or written", async () => {
    const input = form();
    const { ctx, sendLink } = context({ signups: "closed" });
    expect(await signUp(input, ctx)).toMatchObject({ ok: false, code: "forbidden", message: expect.stringMatching(/does not take new practices/) });
    expect(await practicesNamed(input.name)).toHaveLength(0);
    expect(await userCount(input.ownerEmail)).toBe(0);
    expect(sendLink).not.toHaveBeenCalled();
  });

  test("bad input is refused per field without spending the sign-up allowance", async () => {
    const { ctx } = context();
    for (let i = 0; i < SIGN_UP_LIMITS.perIp.points + 1; i++) {
      expect(await signUp(form({ ownerEmail: "nope" }), ctx)).toMatchObject({ ok: false, code: "invalid", errors: { ownerEmail: expect.any(Array) } });
    }
    expect(await signUp(form(), ctx)).toMatchObject({ ok: true, status: "created" });
  });

  test(`one IP may start ${SIGN_UP_LIMITS.perIp.points} practices an hour; the next is refused plainly and writes nothing`, async () => {
    const { ctx, sendLink } = context();
    for (let i = 0; i < SIGN_UP_LIMITS.perIp.points; i++) expect(await signUp(form(), ctx)).toMatchObject({ ok: true, status: "created" });
    const refused = form();
    const result = await signUp(refused, ctx);
    expect(result).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/Too many practices were started from here/) });
    expect(await practicesNamed(refused.name)).toHaveLength(0);
    expect(sendLink).toHaveBeenCalledTimes(SIGN_UP_LIMITS.perIp.points);
  });

  test(`one address may try ${SIGN_UP_LIMITS.perAddress.points} sign-ups a day from any number of IPs; the next is refused and sends no link`, async () => {
    const sendLink = vi.fn<SignUpContext["sendLink"]>(async () => {});
    const ownerEmail = uniqueEmail("dana");
    const attempt = (name = `Riverbend Couples ${uniqueId()}`) => signUp(form({ name, ownerEmail }), { ip: uniqueIp(), now, signups: "open", sendLink });
    // The first starts the practice; the rest are the existing owner's sign-in links.
    expect(await attempt()).toMatchObject({ ok: true, status: "created" });
    for (let i = 1; i < SIGN_UP_LIMITS.perAddress.points; i++) expect(await attempt()).toMatchObject({ ok: true, status: "existing_owner" });
    expect(await attempt()).toMatchObject({ ok: false, code: "rate_limited" });
    expect(sendLink).toHaveBeenCalledTimes(SIGN_UP_LIMITS.perAddress.points);
  });
});
