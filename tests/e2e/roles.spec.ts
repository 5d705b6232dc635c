import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { and, eq, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { ROLES, rolesWith, type Capability } from "@/lib/auth/roles";
import { E2E_ENV } from "../../playwright.config";
import { CLINIC_ACTIONS } from "../clinic-actions";
import { createBookableService, createClient, createMember, createPractice, db, expect, signInAs, test } from "./fixtures";

test.use({ allowedConsoleErrors: [/status of 404/] });

// What a role may never see unless the matrix says so: each is unique to this practice's data.
const t = randomBytes(4).toString("hex");
const SECRET = {
  dob: "1983-07-19",
  /** The client page reads the date of birth as words (lib/dates formatCalendarDate, decision 0044). */
  dobShown: "19 July 1983",
  answer: `We drift apart after bedtime ${t}`,
  reflection: `I felt far from him on Sunday ${t}`,
  diagnosis: "F43.23",
} as const;

/** One practice with a member of each role, and one client with clinical and billing records. */
async function practiceWithRecords() {
  const practice = await createPractice("couples_therapy");
  const members = {
    owner: { userId: practice.owner.userId, memberId: practice.owner.memberId },
    admin: await createMember(practice.id, "admin"),
    clinician: await createMember(practice.id, "clinician"),
    front_desk: await createMember(practice.id, "front_desk"),
  };
  // A member of another practice reaches nothing here.
  const elsewhere = await createPractice();
  const outsider = await createMember(elsewhere.id, "owner");

  const client = await createClient(practice.id, "Ana");
  await db.update(schema.clients).set({ dateOfBirth: SECRET.dob }).where(eq(schema.clients.id, client.id));

  // A submitted couples intake with a free-text answer.
  const templates = await seedIntakeForms(db, practice.id, "couples_therapy");
  const templateId = templates.get("couples-intake")!;
  const [version] = await db.select().from(schema.formVersions).where(eq(schema.formVersions.templateId, templateId));
  const [assignment] = await db
    .insert(schema.formAssignments)
    .values({ practiceId: practice.id, clientId: client.id, templateId, versionId: version!.id, source: "manual", status: "completed", startedAt: new Date(), completedAt: new Date() })
    .returning();
  const [response] = await db
    .insert(schema.formResponses)
    .values({
      practiceId: practice.id,
      assignmentId: assignment!.id,
      clientId: client.id,
      templateId,
      versionId: version!.id,
      status: "submitted",
      answers: { reason: SECRET.answer, hopes: "More evenings together." },
      submittedAt: new Date(),
    })
    .returning();

  // A past session with the clinician, its diagnosis code, and its payment.
  const service = await createBookableService(practice.id, members.clinician.memberId, { attendance: "individual", name: "Individual session" });
  const startsAt = DateTime.now().minus({ days: 2 }).startOf("hour").toJSDate();
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [appointment] = await db
    .insert(schema.appointments)
    .values({
      practiceId: practice.id,
      serviceId: service.id,
      memberId: members.clinician.memberId,
      format: "online",
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedTo: new Date(endsAt.getTime() + 10 * 60_000),
      status: "completed",
      priceCents: 19000,
      currency: "USD",
    })
    .returning();
  await db.insert(schema.appointmentAttendees).values({ practiceId: practice.id, appointmentId: appointment!.id, clientId: client.id });
  await db.insert(schema.appointmentDiagnoses).values({ practiceId: practice.id, appointmentId: appointment!.id, icd10Codes: [SECRET.diagnosis] });
  const [payment] = await db
    .insert(schema.payments)
    .values({
      practiceId: practice.id,
      kind: "session",
      status: "succeeded",
      amountCents: 19000,
      currency: "USD",
      clientId: client.id,
      appointmentId: appointment!.id,
      description: "Individual session",
      paidAt: new Date(),
    })
    .returning();

  // Homework with a private reflection.
  const [hello] = await db.select().from(schema.exercises).where(and(isNull(schema.exercises.practiceId), eq(schema.exercises.libraryKey, "six-second-hello")));
  const today = DateTime.now().setZone("America/New_York").toISODate()!;
  const [homework] = await db
    .insert(schema.assignments)
    .values({ practiceId: practice.id, clientId: client.id, exerciseId: hello!.id, mode: "individual", startDate: today, timesPerWeek: 3, dueDate: today })
    .returning();
  await db.insert(schema.checkIns).values({ practiceId: practice.id, assignmentId: homework!.id, exerciseId: hello!.id, clientId: client.id, date: today, done: true, reflection: SECRET.reflection });

  return { practice, members, outsider, client, templateId, responseId: response!.id, appointmentId: appointment!.id, paymentId: payment!.id, serviceId: service.id };
}

type Records = Awaited<ReturnType<typeof practiceWithRecords>>;

interface Route {
  path: (r: Records) => string;
  capability: Capability;
  /** Shown to an allowed role (proves the denied check looks for something real). */
  shows?: (r: Records) => string[];
}

const RANGE = `from=${DateTime.now().minus({ months: 1 }).toISODate()}&to=${DateTime.now().toISODate()}`;

// Every id-bearing page and route handler of the clinic, and the lists and forms around them.
const ROUTES: Route[] = [
  { path: (r) => `/clinic/${r.practice.slug}`, capability: "practice.view" },
  { path: (r) => `/clinic/${r.practice.slug}/clients`, capability: "clients.view" },
  { path: (r) => `/clinic/${r.practice.slug}/clients/${r.client.id}`, capability: "clients.view", shows: () => [SECRET.dobShown] },
  { path: (r) => `/clinic/${r.practice.slug}/clients/${r.client.id}/edit`, capability: "clients.edit" },
  { path: (r) => `/clinic/${r.practice.slug}/clients/new`, capability: "clients.edit" },
  { path: (r) => `/clinic/${r.practice.slug}/clients/${r.client.id}/superbill?${RANGE}`, capability: "superbill.generate" },
  { path: (r) => `/clinic/${r.practice.slug}/clients/${r.client.id}/export`, capability: "data.export" },
  { path: (r) => `/clinic/${r.practice.slug}/responses/${r.responseId}`, capability: "clinical.read", shows: () => [SECRET.answer] },
  { path: (r) => `/clinic/${r.practice.slug}/responses/${r.responseId}/fhir?resource=QuestionnaireResponse`, capability: "clinical.read", shows: () => [SECRET.answer] },
  { path: (r) => `/clinic/${r.practice.slug}/schedule`, capability: "schedule.view" },
  { path: (r) => `/clinic/${r.practice.slug}/schedule/${r.appointmentId}`, capability: "schedule.view" },
  { path: (r) => `/clinic/${r.practice.slug}/schedule/new`, capability: "schedule.book" },
  { path: (r) => `/clinic/${r.practice.slug}/billing`, capability: "billing.read" },
  { path: (r) => `/clinic/${r.practice.slug}/billing/payments/${r.paymentId}`, capability: "billing.read", shows: (r) => [r.client.lastName] },
  { path: (r) => `/clinic/${r.practice.slug}/billing/export`, capability: "billing.export", shows: (r) => [r.client.lastName] },
  { path: (r) => `/clinic/${r.practice.slug}/homework`, capability: "practice.view" },
  { path: (r) => `/clinic/${r.practice.slug}/homework/clients`, capability: "clinical.read" },
  { path: (r) => `/clinic/${r.practice.slug}/homework/clients/${r.client.id}`, capability: "clinical.read", shows: () => [SECRET.reflection] },
  { path: (r) => `/clinic/${r.practice.slug}/homework/assign?client=${r.client.id}`, capability: "homework.assign" },
  { path: (r) => `/clinic/${r.practice.slug}/homework/exercises/new`, capability: "exercises.edit" },
  { path: (r) => `/clinic/${r.practice.slug}/homework/programs/new`, capability: "exercises.edit" },
  { path: (r) => `/clinic/${r.practice.slug}/forms`, capability: "forms.build" },
  { path: (r) => `/clinic/${r.practice.slug}/forms/${r.templateId}`, capability: "forms.build" },
  { path: (r) => `/clinic/${r.practice.slug}/forms/${r.templateId}/fhir?resource=Questionnaire`, capability: "forms.build" },
  { path: (r) => `/clinic/${r.practice.slug}/settings`, capability: "practice.view" },
  { path: (r) => `/clinic/${r.practice.slug}/settings/team`, capability: "practice.view" },
  { path: (r) => `/clinic/${r.practice.slug}/settings/services`, capability: "practice.view" },
  { path: (r) => `/clinic/${r.practice.slug}/settings/services/new`, capability: "settings.manage" },
  { path: (r) => `/clinic/${r.practice.slug}/settings/services/${r.serviceId}/edit`, capability: "settings.manage" },
  { path: (r) => `/clinic/${r.practice.slug}/settings/billing`, capability: "settings.manage" },
  { path: (r) => `/clinic/${r.practice.slug}/settings/export`, capability: "data.export" },
  // Every member opens the inbox; which threads are in it is lib/messaging/access.ts's rule.
  { path: (r) => `/clinic/${r.practice.slug}/messages`, capability: "practice.view" },
  { path: (r) => `/clinic/${r.practice.slug}/settings/messaging`, capability: "settings.manage" },
  { path: (r) => `/clinic/${r.practice.slug}/settings/availability`, capability: "availability.own" },
];

async function sessionFor(userId: string): Promise<APIRequestContext> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.insert(schema.sessions).values({ sessionToken, userId, expires: new Date(Date.now() + 60 * 60 * 1000) });
  return playwrightRequest.newContext({ baseURL: E2E_ENV.APP_URL, extraHTTPHeaders: { cookie: `authjs.session-token=${sessionToken}` }, maxRedirects: 0 });
}

test("every role walks every clinic route: allowed is 200, denied is 404 with none of the record in the body", async () => {
  test.setTimeout(180_000);
  const r = await practiceWithRecords();
  const who = [...ROLES.map((role) => ({ role, userId: r.members[role].userId })), { role: "outsider" as const, userId: r.outsider.userId }];
  const never = [SECRET.dob, SECRET.dobShown, SECRET.answer, SECRET.reflection, SECRET.diagnosis, r.client.lastName];
  const problems: string[] = [];
  for (const { role, userId } of who) {
    const api = await sessionFor(userId);
    for (const route of ROUTES) {
      const path = route.path(r);
      const allowed = role !== "outsider" && rolesWith(route.capability).includes(role);
      const res = await api.get(path);
      const body = await res.text();
      if (allowed) {
        if (res.status() !== 200) problems.push(`${role} ${path}: ${res.status()}, expected 200`);
        for (const s of route.shows?.(r) ?? []) if (!body.includes(s)) problems.push(`${role} ${path}: does not show what it should`);
      } else {
        if (res.status() !== 404) problems.push(`${role} ${path}: ${res.status()}, expected 404`);
        for (const s of never) if (body.includes(s)) problems.push(`${role} ${path}: the 404 body contains a record value`);
      }
    }
    await api.dispose();
  }
  expect(problems).toEqual([]);
});

test("a session's page shows diagnosis codes to clinical roles only, and the client's page offers superbills to owners and admins only", async () => {
  const r = await practiceWithRecords();
  for (const role of ROLES) {
    const api = await sessionFor(r.members[role].userId);
    const session = await (await api.get(`/clinic/${r.practice.slug}/schedule/${r.appointmentId}`)).text();
    expect(session.includes(SECRET.diagnosis), `${role}: diagnosis code on the session page`).toBe(rolesWith("clinical.read").includes(role));
    const record = await (await api.get(`/clinic/${r.practice.slug}/clients/${r.client.id}`)).text();
    expect(record.includes("Download superbill"), `${role}: superbill on the client page`).toBe(rolesWith("superbill.generate").includes(role));
    await api.dispose();
  }
});

test("the front desk downloads no superbill, however the link is typed", async ({ page }) => {
  const r = await practiceWithRecords();
  await signInAs(page, r.members.front_desk.userId);
  await page.goto(`/clinic/${r.practice.slug}/clients/${r.client.id}`);
  await expect(page.getByRole("heading", { name: `Ana ${r.client.lastName}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Download superbill (PDF)" })).toHaveCount(0);
  const response = await page.request.get(`/clinic/${r.practice.slug}/clients/${r.client.id}/superbill?${RANGE}`);
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"] ?? "").not.toContain("application/pdf");
});

// Server actions are POSTs naming an action id; the build's manifest maps ids to files and exports.
const CLINIC_PREFIX = "app/(clinic)/clinic/[practice]/";
function clinicActions(): { key: string; id: string }[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  return Object.entries(manifest.node)
    .filter(([, a]) => a.filename?.startsWith(CLINIC_PREFIX))
    .map(([id, a]) => ({ id, key: `${a.filename!.slice(CLINIC_PREFIX.length)}#${a.exportedName}` }));
}

async function callAction(api: APIRequestContext, slug: string, id: string, args: unknown[]) {
  const res = await api.post(`/clinic/${slug}`, {
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: E2E_ENV.APP_URL },
    data: JSON.stringify(args),
  });
  return { res, body: await res.text() };
}

// notFound() inside an action answers with the not-found digest instead of a result.
const NOT_FOUND_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;404";

test("every role calls every clinic server action: denied is a not-found with no data, allowed gets past the guard", async () => {
  test.setTimeout(180_000);
  const r = await practiceWithRecords();
  const actions = clinicActions();
  expect(actions.map((a) => a.key).sort()).toEqual(Object.keys(CLINIC_ACTIONS).sort());
  const who = [...ROLES.map((role) => ({ role, userId: r.members[role].userId })), { role: "outsider" as const, userId: r.outsider.userId }];
  const never = [SECRET.dob, SECRET.dobShown, SECRET.answer, SECRET.reflection, SECRET.diagnosis, r.client.lastName];
  // Ids of this practice's records; the rest of each call is junk, so an allowed call stops at validation.
  const args = [r.practice.slug, r.paymentId, { junk: true }, r.client.id];
  const problems: string[] = [];
  for (const { role, userId } of who) {
    const api = await sessionFor(userId);
    for (const { key, id } of actions) {
      const allowed = role !== "outsider" && rolesWith(CLINIC_ACTIONS[key]!).includes(role);
      const { res, body } = await callAction(api, r.practice.slug, id, args);
      if (res.headers()["x-nextjs-action-not-found"]) problems.push(`${role} ${key}: the action was not found`);
      else if (allowed && body.includes(NOT_FOUND_DIGEST)) problems.push(`${role} ${key}: refused, expected to be allowed`);
      else if (!allowed && !body.includes(NOT_FOUND_DIGEST)) problems.push(`${role} ${key}: not refused`);
      if (!allowed) for (const s of never) if (body.includes(s)) problems.push(`${role} ${key}: the refusal contains a record value`);
    }
    await api.dispose();
  }
  expect(problems).toEqual([]);
  // Nothing a refused call touched changed: the payment is not refunded.
  const [payment] = await db.select().from(schema.payments).where(eq(schema.payments.id, r.paymentId));
  expect(payment!.refundedCents).toBe(0);

  // The harness reaches real results: the front desk's client search finds the client.
  const desk = await sessionFor(r.members.front_desk.userId);
  const search = actions.find((a) => a.key === "schedule/actions.ts#searchClientsAction")!;
  expect((await callAction(desk, r.practice.slug, search.id, [r.practice.slug, r.client.lastName])).body).toContain(r.client.lastName);
  await desk.dispose();
});
