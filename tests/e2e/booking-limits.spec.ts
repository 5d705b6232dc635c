import { createBookableService, createPractice, expect, test } from "./fixtures";

// The refused hold's 429 shows up as Chromium's "Failed to load resource" line.
test.use({ allowedConsoleErrors: [/status of 429/] });

test("a visitor already holding three times is told so plainly when choosing a fourth", async ({ page, request }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Individual session" });
  // Same visitor (this test's address), three holds taken by a script.
  const from = new Date(Date.now() + 2 * 86_400_000);
  const slots = await request.get(`/api/book/${practice.slug}/slots`, {
    params: { service: service.id, clinician: "any", from: from.toISOString(), to: new Date(from.getTime() + 2 * 86_400_000).toISOString() },
  });
  const { slots: free } = (await slots.json()) as { slots: { start: string }[] };
  // Times two hours apart (a session and its buffer never overlap the next).
  for (const slot of free.filter((_, i) => i % 4 === 0).slice(-3)) {
    const res = await request.post(`/api/book/${practice.slug}/holds`, { data: { serviceId: service.id, clinicianId: "any", start: slot.start } });
    expect(res.status()).toBe(201);
  }
  const refused = await request.post(`/api/book/${practice.slug}/holds`, { data: { serviceId: service.id, clinicianId: "any", start: free[0]!.start } });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);

  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("button", { name: /Individual session/ }).click();
  await expect(page.getByRole("heading", { name: "Choose a time" })).toBeVisible();
  await page.getByRole("region", { name: /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+$/ }).getByRole("button").first().click();
  await expect(page.getByRole("alert").filter({ hasText: "You are already holding 3 times. Finish booking one of them, or try again in" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your details" })).toHaveCount(0);
});
