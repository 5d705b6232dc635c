import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/db/client";
import { locations, practices } from "@/db/schema";
import { getPublicPractice } from "@/lib/practices/public-practices";
import { createPractice } from "./helpers/factories";

// getPublicPractice is memoised per request (React `cache`): these check that
// the memo never serves one practice's page data for another, and that
// nothing survives from one call outside a request to the next (a rename or
// a new location shows at once).

test("each slug gets its own practice and only its own locations", async () => {
  const a = await createPractice({ name: "Alder Couples" });
  const b = await createPractice({ name: "Birch Pelvic Health", kind: "pelvic_pt" });
  await db.insert(locations).values({ practiceId: a.id, name: "Alder office", addressLine1: "1 Alder Way", city: "Alderton", timeZone: a.timeZone });
  const [first, second, againA] = await Promise.all([getPublicPractice(a.slug), getPublicPractice(b.slug), getPublicPractice(a.slug)]);
  expect(first).toMatchObject({ id: a.id, name: "Alder Couples", locations: [{ name: "Alder office", city: "Alderton" }] });
  expect(second).toMatchObject({ id: b.id, name: "Birch Pelvic Health", kind: "pelvic_pt", locations: [] });
  expect(againA?.id).toBe(a.id);
  expect(await getPublicPractice(`missing-${a.slug}`)).toBeNull();
});

test("a change is seen by the next call: nothing is kept between requests", async () => {
  const practice = await createPractice({ name: "Cedar Coaching" });
  expect((await getPublicPractice(practice.slug))?.name).toBe("Cedar Coaching");
  await db.update(practices).set({ name: "Cedar & Pine Coaching" }).where(eq(practices.id, practice.id));
  await db.insert(locations).values({ practiceId: practice.id, name: "Pine studio", addressLine1: "2 Pine Road", city: "Pineville", timeZone: practice.timeZone });
  const after = await getPublicPractice(practice.slug);
  expect(after?.name).toBe("Cedar & Pine Coaching");
  expect(after?.locations.map((l) => l.name)).toEqual(["Pine studio"]);
});
