import { createHash, randomBytes, randomUUID } from "node:crypto";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { and, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { embeddedUrl } from "@/db/embedded";
import * as schema from "@/db/schema";
import { E2E_ENV } from "../../playwright.config";

const url = process.env.DATABASE_URL ?? embeddedUrl(Number(E2E_ENV.EMBEDDED_PG_PORT), "tandem");
const sql = postgres(url, { max: 4, onnotice: () => {} });
export const db = drizzle(sql, { schema });

export interface TestPractice {
  id: string;
  slug: string;
  name: string;
  owner: { userId: string; email: string; memberId: string };
}

const tag = () => randomUUID().slice(0, 8);

/** A practice of its own for one test, with an owner who has joined. */
/** Published by default (it takes bookings); `{ published: false }` for a practice still in its guided setup. */
export async function createPractice(kind: schema.PracticeKind = "couples_therapy", options: { published?: boolean } = {}): Promise<TestPractice> {
  const t = tag();
  const [practice] = await db
    .insert(schema.practices)
    .values({ name: `Test Practice ${t}`, slug: `test-${t}`, kind, timeZone: "America/New_York", publishedAt: options.published === false ? null : new Date() })
    .returning();
  const email = `owner-${t}@e2e.tandem.test`;
  const [user] = await db.insert(schema.users).values({ email, name: `Owner ${t}` }).returning();
  const [member] = await db
    .insert(schema.members)
    .values({ practiceId: practice!.id, userId: user!.id, role: "owner", displayName: `Owner ${t}`, joinedAt: new Date() })
    .returning();
  return { id: practice!.id, slug: practice!.slug, name: practice!.name, owner: { userId: user!.id, email, memberId: member!.id } };
}

export async function createMember(practiceId: string, role: schema.MemberRole) {
  const t = tag();
  const email = `${role}-${t}@e2e.tandem.test`;
  const [user] = await db.insert(schema.users).values({ email, name: `${role} ${t}` }).returning();
  const [member] = await db
    .insert(schema.members)
    .values({ practiceId, userId: user!.id, role, displayName: `Member ${t}`, joinedAt: new Date() })
    .returning();
  return { userId: user!.id, email, memberId: member!.id, displayName: member!.displayName };
}

/** A client with portal access (a user with the same email). */
export async function createClient(practiceId: string, firstName = "Client") {
  const t = tag();
  const email = `client-${t}@e2e.tandem.test`;
  const [user] = await db.insert(schema.users).values({ email, name: `${firstName} ${t}` }).returning();
  const [client] = await db
    .insert(schema.clients)
    .values({ practiceId, userId: user!.id, firstName, lastName: `Test${t}`, email })
    .returning();
  return { id: client!.id, userId: user!.id, email, firstName, lastName: client!.lastName };
}

/** Signs the browser in as a user by creating an ordinary database session. */
export async function signInAs(page: Page, userId: string): Promise<void> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.insert(schema.sessions).values({ sessionToken, userId, expires: new Date(Date.now() + 60 * 60 * 1000) });
  await page.context().addCookies([
    { name: "authjs.session-token", value: sessionToken, url: E2E_ENV.APP_URL, httpOnly: true, sameSite: "Lax" },
  ]);
}

/** The newest email to an address, as the outbox stored it. */
export async function latestEmail(to: string, template?: string) {
  const [row] = await db
    .select()
    .from(schema.emailMessages)
    .where(template ? and(eq(schema.emailMessages.to, to), eq(schema.emailMessages.template, template)) : eq(schema.emailMessages.to, to))
    .orderBy(desc(schema.emailMessages.createdAt))
    .limit(1);
  return row ?? null;
}

/** A stable documentation-range IPv6 address for a label (a test's id). */
export function testClientIp(label: string): string {
  const h = createHash("sha256").update(label).digest();
  return `2001:db8::${[0, 2, 4, 6].map((i) => h.readUInt16BE(i).toString(16)).join(":")}`;
}

/** Every test fails on a console error or an uncaught exception in the page. */
export const test = base.extend<{ consoleGuard: void; allowedConsoleErrors: RegExp[] }>({
  // A test that opens a page it expects to be a 404 allows Chromium's
  // "Failed to load resource" line for that, and nothing else.
  allowedConsoleErrors: [[], { option: true }],
  // Each test appears to come from its own address (a documentation-range
  // IPv6 address in the header our one trusted proxy hop would set: the e2e
  // server runs with TRUSTED_PROXY_HOPS=1), so per-IP limits are per test.
  extraHTTPHeaders: async ({}, use, testInfo) => {
    await use({ "x-forwarded-for": testClientIp(`${testInfo.testId}:${testInfo.repeatEachIndex}`) });
  },
  consoleGuard: [
    async ({ page, allowedConsoleErrors }, use) => {
      const problems: string[] = [];
      // Every CSP violation fails the test, whatever the test allows: Chromium
      // logs refused resources, and the page reports each violation event.
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
        );
      });
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
        else if (m.type() === "error" && !allowedConsoleErrors.some((r) => r.test(m.text()))) problems.push(`console.error: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      await use();
      expect(problems, "the page logged errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * A bookable online service offered by `memberId`, who works every day,
 * all day, in the practice's zone (so tests find times whenever they run).
 */
export async function createBookableService(
  practiceId: string,
  memberId: string,
  options: { attendance?: "individual" | "couple" | "either"; name?: string; cancellationWindowHours?: number; lateCancelFeeCents?: number; slotStepMinutes?: number | null } = {},
) {
  const [service] = await db
    .insert(schema.services)
    .values({
      practiceId,
      name: options.name ?? "Couples session",
      durationMinutes: 50,
      priceCents: 19000,
      format: "online",
      attendance: options.attendance ?? "couple",
      bufferAfterMinutes: 10,
      minNoticeMinutes: 60,
      horizonDays: 30,
      // 30 unless a spec asks otherwise (null: one session length apart, decision 0041).
      slotStepMinutes: options.slotStepMinutes === undefined ? 30 : options.slotStepMinutes,
      cancellationWindowHours: options.cancellationWindowHours ?? 24,
      lateCancelFeeCents: options.lateCancelFeeCents ?? 9500,
      noShowFeeCents: 19000,
    })
    .returning();
  await db.insert(schema.serviceClinicians).values({ practiceId, serviceId: service!.id, memberId });
  const [practice] = await db.select().from(schema.practices).where(eq(schema.practices.id, practiceId));
  await db.insert(schema.availabilityRules).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId, memberId, weekday, startMinute: 0, endMinute: 1440, timeZone: practice!.timeZone })),
  );
  return service!;
}

/** Every email to an address, newest first. */
export async function emailsTo(to: string) {
  return db.select().from(schema.emailMessages).where(eq(schema.emailMessages.to, to)).orderBy(desc(schema.emailMessages.createdAt));
}

/** The .ics attached to an outbox message, decoded. */
export function icsOf(message: { attachments: { filename: string; content: string }[] | null }): string {
  const file = message.attachments?.find((a) => a.filename.endsWith(".ics"));
  if (!file) throw new Error("no .ics attached");
  return Buffer.from(file.content, "base64").toString("utf8");
}

/** A fresh 375 px phone context signed in as a user; a page error fails the test. Close its context when done. */
export async function phoneAs(browser: Browser, userId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, baseURL: process.env.APP_URL });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await signInAs(page, userId);
  return page;
}
