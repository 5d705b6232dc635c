import { and, eq, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import { createClient, createMember, createPractice, db, emailsTo, expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import * as schema from "@/db/schema";

async function noA11yProblems(page: import("@playwright/test").Page, what: string) {
  await expectNoSidewaysScroll(page, what);
  await expectAxeClean(page, what);
}

test("a clinician assigns a program to a couple; each partner checks in on a phone; sharing is respected; the clinician sees both, adherence and the pain flag", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const practice = await createPractice();
  const ana = await createClient(practice.id, "Ana");
  const ben = await createClient(practice.id, "Ben");
  const [a, b] = [ana.id, ben.id].sort();
  await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: a!, clientBId: b! });
  // Homework of Ana's own, to try reaching by URL as Ben.
  const [hello] = await db.select().from(schema.exercises).where(and(isNull(schema.exercises.practiceId), eq(schema.exercises.libraryKey, "six-second-hello")));
  const today = DateTime.now().setZone("America/New_York").toISODate()!;
  const [anasOwn] = await db
    .insert(schema.assignments)
    .values({ practiceId: practice.id, clientId: ana.id, exerciseId: hello!.id, mode: "individual", startDate: today, timesPerWeek: 3, dueDate: today })
    .returning();

  // The clinician assigns the six-week program to the couple, from Ana's record, started three days ago.
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/clients/${ana.id}`);
  await page.getByRole("link", { name: "Assign homework" }).click();
  await expect(page.getByRole("heading", { name: "Assign homework" })).toBeVisible();
  await page.getByLabel("Assign to").selectOption({ label: `Ana ${ana.lastName} and Ben ${ben.lastName} (couple)` });
  await page.getByLabel("Exercise or program").selectOption({ label: "Six-week reconnection for couples (6 weeks)" });
  await page.getByLabel("Each partner separately").check();
  const start = DateTime.fromISO(today).minus({ days: 3 }).toISODate()!;
  await page.getByLabel("Start date").fill(start);
  await page.getByLabel("Personal note").fill("Go gently with each other this week.");
  await page.getByRole("button", { name: "Assign homework" }).click();
  await expect(page.getByRole("heading", { name: `Homework: Ana ${ana.lastName} & Ben ${ben.lastName}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Assignments" }).getByText("Six-week reconnection for couples", { exact: true })).toBeVisible();
  for (const to of [ana.email, ben.email]) {
    const [mail] = await emailsTo(to);
    expect(mail?.template).toBe("homework-assigned");
    expect(mail?.text).toContain("Six-week reconnection for couples");
    expect(mail?.text).not.toContain("Go gently");
  }

  // Ana, on her phone: checks in on touch with no agenda, with a pain of 8, and shares her reflection.
  const anaContext = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, timezoneId: "America/New_York" });
  const anaPage = await anaContext.newPage();
  await signInAs(anaPage, ana.userId);
  await anaPage.goto(`/portal/${ana.id}`);
  await expect(anaPage.getByRole("heading", { name: "This week" })).toBeVisible();
  await noA11yProblems(anaPage, "portal");
  await anaPage.getByRole("link", { name: /Touch with no agenda/ }).click();
  await expect(anaPage.getByText("Go gently with each other this week.")).toBeVisible();
  const anaForm = anaPage.getByRole("form", { name: "Check in: Touch with no agenda" });
  await anaForm.getByRole("group", { name: /How close did you feel/ }).getByText("4", { exact: true }).click();
  await anaForm.getByRole("group", { name: /Any pain or discomfort/ }).getByText("8", { exact: true }).click();
  await anaForm.getByLabel("Reflection (optional)").fill("I loved how slow it was.");
  await anaForm.getByLabel(/Share this reflection with Ben/).check();
  await anaForm.getByRole("button", { name: "Check in" }).click();
  await expect(anaForm.getByRole("status")).toHaveText(/Saved/);
  await noA11yProblems(anaPage, "exercise page");

  // Ben, on his phone: checks in on the six-second hello and keeps his reflection private.
  const benContext = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, timezoneId: "America/New_York" });
  const benPage = await benContext.newPage();
  await signInAs(benPage, ben.userId);
  await benPage.goto(`/portal/${ben.id}`);
  await benPage.getByRole("link", { name: /The six-second hello/ }).click();
  const benForm = benPage.getByRole("form", { name: "Check in: The six-second hello" });
  await benForm.getByRole("group", { name: /How close did you feel/ }).getByText("3", { exact: true }).click();
  await benForm.getByLabel("Reflection (optional)").fill("Private: I felt awkward at first.");
  await benForm.getByRole("button", { name: "Check in" }).click();
  await expect(benForm.getByRole("status")).toHaveText(/Saved/);

  // Ben sees what Ana shared; Ana never sees Ben's private reflection.
  await benPage.goto(`/portal/${ben.id}`);
  await expect(benPage.getByRole("list", { name: "Shared by Ana" })).toContainText("I loved how slow it was.");
  await anaPage.goto(`/portal/${ana.id}`);
  // This week: the daily hello (7) and the touch (2) of the program, and her own short exercise (1).
  await expect(anaPage.getByText("1 of 10 done this week")).toBeVisible();
  await expect(anaPage.getByText("awkward")).toHaveCount(0);
  const assignmentLink = anaPage.getByRole("link", { name: "Six-week reconnection for couples", exact: true });
  await assignmentLink.click();
  await expect(anaPage.getByRole("heading", { name: "Your check-ins" })).toBeVisible();
  await expect(anaPage.getByText("awkward")).toHaveCount(0);

  // Ben cannot reach Ana's portal or her own homework by changing the URL.
  const notFound = await benPage.goto(`/portal/${ana.id}`);
  expect(notFound?.status()).toBe(404);
  const tampered = await benPage.goto(`/portal/${ben.id}/homework/${anasOwn!.id}`);
  expect(tampered?.status()).toBe(404);

  // The clinician sees both reflections, each partner's adherence and the pain flag.
  await page.goto(`/clinic/${practice.slug}/homework/clients/${ana.id}`);
  const reflections = page.getByRole("list", { name: "Reflections" });
  await expect(reflections).toContainText("I loved how slow it was.");
  await expect(reflections).toContainText("Private: I felt awkward at first.");
  await expect(page.getByRole("list", { name: "Flags" })).toContainText(`Ana ${ana.lastName}: Pain rated 8 of 10`);
  // Three days in: 3 of the daily hello expected and none yet of the twice-weekly touch; one done each.
  const table = page.getByRole("table", { name: "Adherence for Six-week reconnection for couples" });
  await expect(table.getByRole("row", { name: new RegExp(`Ana ${ana.lastName}`) })).toHaveText(new RegExp(`Ana ${ana.lastName}\\s*1\\s*3\\s*33%`));
  await expect(table.getByRole("row", { name: new RegExp(`Ben ${ben.lastName}`) })).toHaveText(new RegExp(`Ben ${ben.lastName}\\s*1\\s*3\\s*33%`));
  const painChart = page.getByRole("img", { name: /Pain ratings over time/ });
  await expect(painChart.locator("svg.recharts-surface").first()).toBeVisible();
  await noA11yProblems(page, "clinician homework view");

  // The practice's list of clients with homework shows the couple with the flag.
  await page.goto(`/clinic/${practice.slug}/homework/clients`);
  await expect(page.getByRole("list", { name: `Flags for Ana ${ana.lastName} & Ben ${ben.lastName}` }).or(page.getByRole("list", { name: `Flags for Ben ${ben.lastName} & Ana ${ana.lastName}` }))).toContainText("Pain rated 8 of 10");
  await noA11yProblems(page, "clients with homework");

  // The front desk does not read check-ins: the homework view is not found for them.
  const frontDesk = await createMember(practice.id, "front_desk");
  const deskContext = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const deskPage = await deskContext.newPage();
  await signInAs(deskPage, frontDesk.userId);
  expect((await deskPage.goto(`/clinic/${practice.slug}/homework/clients/${ana.id}`))?.status()).toBe(404);
  expect((await deskPage.goto(`/clinic/${practice.slug}/homework/clients`))?.status()).toBe(404);
  await deskContext.close();

  // Every staff read of the homework view was audited.
  const reads = await db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.practiceId, practice.id), eq(schema.auditEvents.action, "homework.read")));
  expect(reads.length).toBeGreaterThanOrEqual(2);
  const lists = await db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.practiceId, practice.id), eq(schema.auditEvents.action, "homework.list")));
  expect(lists.length).toBe(1);
  await anaContext.close();
  await benContext.close();
});

test("the exercise bank: search and filter, duplicate a library exercise to adapt it, and archive it", async ({ page }) => {
  const practice = await createPractice("pelvic_pt");
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/homework`);
  await noA11yProblems(page, "exercise bank");
  await page.getByLabel("Category").selectOption({ label: "Pelvic health" });
  await page.getByRole("button", { name: "Apply" }).click();
  const list = page.getByRole("list", { name: "Exercises" });
  await expect(list.getByRole("link", { name: "Diaphragmatic breathing" })).toBeVisible();
  await expect(list.getByRole("link", { name: "The six-second hello" })).toHaveCount(0);
  await list.getByRole("link", { name: "Diaphragmatic breathing" }).click();
  await expect(page.getByText("Shared library (read-only)")).toBeVisible();
  await page.getByRole("button", { name: "Duplicate to adapt" }).click();
  await expect(page.getByRole("heading", { name: "Edit: Diaphragmatic breathing" })).toBeVisible();
  await page.getByLabel("Title").fill("Diaphragmatic breathing (side-lying)");
  await page.getByLabel("Minutes each time").fill("0");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Minutes must be a whole number from 1 to 240")).toBeVisible();
  await page.getByLabel("Minutes each time").fill("8");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Diaphragmatic breathing (side-lying)" })).toBeVisible();
  await expect(page.getByText("Ours")).toBeVisible();
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await page.goto(`/clinic/${practice.slug}/homework?q=side-lying`);
  await expect(page.getByText("No exercises match")).toBeVisible();

  // The editors and the assign form are usable at 375 px too.
  const client = await createClient(practice.id, "Axe");
  for (const path of ["exercises/new", "programs", "programs/new", `assign?client=${client.id}`]) {
    await page.goto(`/clinic/${practice.slug}/homework/${path}`);
    await expect(page.locator("main h1")).toBeVisible();
    await noA11yProblems(page, path);
  }
});
