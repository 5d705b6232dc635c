import { randomUUID } from "node:crypto";
import { eq, or } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { couples } from "@/db/schema";
import { pgError } from "@/lib/db/pg-error";
import { linkCouple, unlinkCouple } from "@/lib/clients/link-couple";
import { auditEventsFor, countRows, createClient, createPracticeWithOwner } from "./helpers/factories";

const ALREADY = { ok: false, errors: { partnerId: ["One of these clients is already part of a couple"] } };

function couplesWith(...clientIds: string[]) {
  return db
    .select()
    .from(couples)
    .where(or(...clientIds.flatMap((id) => [eq(couples.clientAId, id), eq(couples.clientBId, id)])));
}

/** The PostgreSQL error a statement fails with (the test fails if it succeeds). */
async function dbError(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected the database to refuse").not.toBeNull();
  return pgError(error);
}

describe("linkCouple", () => {
  test("links two clients of the practice, in id order, and audits it", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const x = await createClient(practice);
    const y = await createClient(practice);
    const result = await linkCouple(scope, x.id, { partnerId: y.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [a, b] = [x.id, y.id].sort();
    expect(await couplesWith(x.id)).toEqual([expect.objectContaining({ id: result.coupleId, practiceId: practice.id, clientAId: a, clientBId: b })]);
    const events = await auditEventsFor(practice.id, "couple.create");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: owner.user.id, subjectType: "couple", subjectId: result.coupleId, detail: { clientIds: [a, b] } });
  });

  test("refuses to link a client to themselves", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const x = await createClient(practice);
    expect(await linkCouple(scope, x.id, { partnerId: x.id })).toEqual({
      ok: false,
      errors: { partnerId: ["A client cannot be their own partner"] },
    });
    expect(await couplesWith(x.id)).toEqual([]);
  });

  test("refuses a partner from another practice", async () => {
    const mine = await createPracticeWithOwner();
    const theirs = await createPracticeWithOwner();
    const x = await createClient(mine.practice);
    const stranger = await createClient(theirs.practice);
    expect(await linkCouple(mine.scope, x.id, { partnerId: stranger.id })).toEqual({
      ok: false,
      errors: { partnerId: ["Choose a partner from this practice's clients"] },
    });
    // Nor can the other practice's client be the one being linked.
    const y = await createClient(mine.practice);
    expect((await linkCouple(mine.scope, stranger.id, { partnerId: y.id })).ok).toBe(false);
    expect(await couplesWith(x.id, y.id, stranger.id)).toEqual([]);
    expect(await auditEventsFor(mine.practice.id, "couple.create")).toEqual([]);
  });

  test("a bad partner id or client id is an error, not a crash", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const x = await createClient(practice);
    expect(await linkCouple(scope, x.id, { partnerId: "nope" })).toEqual({ ok: false, errors: { partnerId: ["Choose the partner to link"] } });
    expect(await linkCouple(scope, x.id, {})).toEqual({ ok: false, errors: { partnerId: ["Choose the partner to link"] } });
    expect(await linkCouple(scope, "nope", { partnerId: x.id })).toEqual({
      ok: false,
      errors: { form: ["That client was not found in this practice"] },
    });
    expect((await linkCouple(scope, x.id, { partnerId: randomUUID() })).ok).toBe(false);
  });

  test("refuses a client who is already in a couple, whichever side they are on", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const [c1, c2, c3, c4] = await Promise.all([1, 2, 3, 4].map(() => createClient(practice)));
    const first = await linkCouple(scope, c1!.id, { partnerId: c2!.id });
    expect(first.ok).toBe(true);
    const [a, b] = [c1!.id, c2!.id].sort() as [string, string];
    // The coupled client as the one being linked, and as the partner chosen.
    expect(await linkCouple(scope, a, { partnerId: c3!.id })).toEqual(ALREADY);
    expect(await linkCouple(scope, c3!.id, { partnerId: b })).toEqual(ALREADY);
    expect(await linkCouple(scope, c4!.id, { partnerId: a })).toEqual(ALREADY);
    expect(await linkCouple(scope, b, { partnerId: c4!.id })).toEqual(ALREADY);
    // Relinking the same pair is refused too.
    expect(await linkCouple(scope, b, { partnerId: a })).toEqual(ALREADY);
    expect(await countRows(couples, eq(couples.practiceId, practice.id))).toBe(1);
    expect(await auditEventsFor(practice.id, "couple.create")).toHaveLength(1);
    // The two free clients can still be linked to each other.
    expect((await linkCouple(scope, c3!.id, { partnerId: c4!.id })).ok).toBe(true);
  });

  test("two simultaneous links sharing a client: exactly one wins", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const [shared, p1, p2] = await Promise.all([1, 2, 3].map(() => createClient(practice)));
    const results = await Promise.all([
      linkCouple(scope, shared!.id, { partnerId: p1!.id }),
      linkCouple(scope, p2!.id, { partnerId: shared!.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([ALREADY]);
    expect(await couplesWith(shared!.id)).toHaveLength(1);
  });

  test("unlinking frees both clients and is audited; another practice cannot unlink", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const other = await createPracticeWithOwner();
    const x = await createClient(practice);
    const y = await createClient(practice);
    const linked = await linkCouple(scope, x.id, { partnerId: y.id });
    if (!linked.ok) throw new Error("link failed");
    expect(await unlinkCouple(other.scope, linked.coupleId)).toBe(false);
    expect(await unlinkCouple(scope, "nope")).toBe(false);
    expect(await couplesWith(x.id)).toHaveLength(1);
    expect(await unlinkCouple(scope, linked.coupleId)).toBe(true);
    expect(await couplesWith(x.id, y.id)).toEqual([]);
    expect((await auditEventsFor(practice.id, "couple.delete")).map((e) => e.subjectId)).toEqual([linked.coupleId]);
  });
});

describe("the couples table itself", () => {
  test("the couples_one_per_client trigger refuses a client as B who is already A, and vice versa", async () => {
    const { practice } = await createPracticeWithOwner();
    const ids = (await Promise.all([1, 2, 3].map(() => createClient(practice)))).map((c) => c.id).sort() as [string, string, string];
    const [low, mid, high] = ids;
    await db.insert(couples).values({ practiceId: practice.id, clientAId: mid, clientBId: high });
    // `mid` is A in the existing couple; here it would be B.
    expect(await dbError(() => db.insert(couples).values({ practiceId: practice.id, clientAId: low, clientBId: mid }))).toEqual({
      code: "23505",
      constraint: "couples_one_per_client",
    });

    const { practice: p2 } = await createPracticeWithOwner();
    const [l2, m2, h2] = (await Promise.all([1, 2, 3].map(() => createClient(p2)))).map((c) => c.id).sort() as [string, string, string];
    await db.insert(couples).values({ practiceId: p2.id, clientAId: l2, clientBId: m2 });
    // `m2` is B in the existing couple; here it would be A.
    expect(await dbError(() => db.insert(couples).values({ practiceId: p2.id, clientAId: m2, clientBId: h2 }))).toEqual({
      code: "23505",
      constraint: "couples_one_per_client",
    });
  });

  test("the foreign keys refuse a couple whose clients are in different practices", async () => {
    const mine = await createPracticeWithOwner();
    const theirs = await createPracticeWithOwner();
    const own = await createClient(mine.practice);
    const foreign = await createClient(theirs.practice);
    const [a, b] = [own.id, foreign.id].sort() as [string, string];
    for (const practiceId of [mine.practice.id, theirs.practice.id]) {
      const error = await dbError(() => db.insert(couples).values({ practiceId, clientAId: a, clientBId: b }));
      expect(error?.code).toBe("23503");
      expect(["couples_client_a_fkey", "couples_client_b_fkey"]).toContain(error?.constraint);
    }
    expect(await couplesWith(own.id, foreign.id)).toEqual([]);
  });

  test("the ordering check refuses (b, a) and (a, a)", async () => {
    const { practice } = await createPracticeWithOwner();
    const [a, b] = (await Promise.all([1, 2].map(() => createClient(practice)))).map((c) => c.id).sort() as [string, string];
    expect(await dbError(() => db.insert(couples).values({ practiceId: practice.id, clientAId: b, clientBId: a }))).toEqual({
      code: "23514",
      constraint: "couples_ordered_pair",
    });
    expect((await dbError(() => db.insert(couples).values({ practiceId: practice.id, clientAId: a, clientBId: a })))?.code).toBe("23514");
  });
});
