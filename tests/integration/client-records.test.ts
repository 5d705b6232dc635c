import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { couples } from "@/db/schema";
import { getClientRecord } from "@/lib/clients/get-client-record";
import { CLIENTS_PAGE_SIZE, listClients } from "@/lib/clients/list-clients";
import { auditEventsFor, createClient, createPracticeWithOwner, createUser, uniqueEmail, uniqueId } from "./helpers/factories";

async function coupleOf(practiceId: string, x: string, y: string) {
  const [a, b] = [x, y].sort() as [string, string];
  const [couple] = await db.insert(couples).values({ practiceId, clientAId: a, clientBId: b }).returning();
  return couple!;
}

describe("listClients", () => {
  test("lists the practice's clients by last name, with each one's partner", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const ana = await createClient(practice, { firstName: "Ana", lastName: "Bell" });
    const ben = await createClient(practice, { firstName: "Ben", lastName: "Adams" });
    const cal = await createClient(practice, { firstName: "Cal", lastName: "Cruz" });
    await coupleOf(practice.id, ana.id, cal.id);

    const { rows, hasMore } = await listClients(scope);
    expect(hasMore).toBe(false);
    expect(rows.map((r) => [r.firstName, r.partner?.firstName ?? null])).toEqual([
      ["Ben", null],
      ["Ana", "Cal"],
      ["Cal", "Ana"],
    ]);
    expect(rows.find((r) => r.id === ben.id)).toMatchObject({ partner: null, hasPortal: false, status: "active" });
    expect(rows.find((r) => r.id === ana.id)?.partner).toEqual({ id: cal.id, firstName: "Cal", lastName: "Cruz" });
  });

  test("searches by full name, preferred name and email, case-insensitively", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const tag = uniqueId();
    const jordan = await createClient(practice, { firstName: "Jordan", lastName: `Quill${tag}` });
    const sam = await createClient(practice, { firstName: "Samantha", lastName: "Ortiz", preferredName: "Sunny" });
    const email = uniqueEmail("morgan");
    const morgan = await createClient(practice, { firstName: "Morgan", lastName: "Hale", email });

    const ids = async (q: string) => (await listClients(scope, { q })).rows.map((r) => r.id);
    expect(await ids(`jordan quill${tag}`)).toEqual([jordan.id]);
    expect(await ids(`QUILL${tag.toUpperCase()}`)).toEqual([jordan.id]);
    expect(await ids("sunny")).toEqual([sam.id]);
    expect(await ids(email.slice(0, 12).toUpperCase())).toEqual([morgan.id]);
    expect(await ids("nobody-by-this-name")).toEqual([]);
  });

  test("treats % and _ in the search as plain characters", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    await createClient(practice, { firstName: "Plain", lastName: "Name" });
    expect((await listClients(scope, { q: "%" })).rows).toEqual([]);
    expect((await listClients(scope, { q: "_" })).rows).toEqual([]);
  });

  test("shows whether a client has portal access", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const user = await createUser();
    const withPortal = await createClient(practice, { email: user.email, userId: user.id });
    const { rows } = await listClients(scope);
    expect(rows.find((r) => r.id === withPortal.id)?.hasPortal).toBe(true);
  });

  test("never returns another practice's clients, even when the search matches them", async () => {
    const mine = await createPracticeWithOwner();
    const theirs = await createPracticeWithOwner();
    const tag = uniqueId();
    const own = await createClient(mine.practice, { firstName: "Shared", lastName: `Name${tag}` });
    await createClient(theirs.practice, { firstName: "Shared", lastName: `Name${tag}` });
    const them = await createClient(theirs.practice, { firstName: "Only", lastName: `Theirs${tag}` });

    expect((await listClients(mine.scope)).rows.map((r) => r.id)).toEqual([own.id]);
    expect((await listClients(mine.scope, { q: `Name${tag}` })).rows.map((r) => r.id)).toEqual([own.id]);
    expect((await listClients(mine.scope, { q: `Theirs${tag}` })).rows).toEqual([]);
    expect((await listClients(theirs.scope, { q: `Theirs${tag}` })).rows.map((r) => r.id)).toEqual([them.id]);
  });

  test("pages by CLIENTS_PAGE_SIZE", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    for (let i = 0; i < CLIENTS_PAGE_SIZE + 1; i++) {
      await createClient(practice, { firstName: "P", lastName: `L${String(i).padStart(3, "0")}` });
    }
    const first = await listClients(scope, { page: 1 });
    const second = await listClients(scope, { page: 2 });
    expect(first.rows).toHaveLength(CLIENTS_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    expect(second.rows.map((r) => r.lastName)).toEqual([`L${String(CLIENTS_PAGE_SIZE).padStart(3, "0")}`]);
    expect(second.hasMore).toBe(false);
  });
});

describe("getClientRecord", () => {
  test("returns the client with their partner and audits the read", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const client = await createClient(practice, { firstName: "Dee", lastName: "Park" });
    const partner = await createClient(practice, { firstName: "Eli", lastName: "Park", preferredName: "E" });
    const couple = await coupleOf(practice.id, client.id, partner.id);

    const record = await getClientRecord(scope, client.id);
    expect(record?.client).toEqual(client);
    expect(record?.couple).toEqual({
      id: couple.id,
      partner: { id: partner.id, firstName: "Eli", lastName: "Park", preferredName: "E" },
    });

    const reads = await auditEventsFor(practice.id, "client.read");
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorKind: "member", actorUserId: owner.user.id, subjectType: "client", subjectId: client.id, detail: null });
  });

  test("a client without a partner has couple: null", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const client = await createClient(practice);
    expect((await getClientRecord(scope, client.id))?.couple).toBeNull();
  });

  test("returns null for another practice's client, and audits nothing", async () => {
    const mine = await createPracticeWithOwner();
    const theirs = await createPracticeWithOwner();
    const client = await createClient(theirs.practice);
    expect(await getClientRecord(mine.scope, client.id)).toBeNull();
    expect(await auditEventsFor(mine.practice.id)).toEqual([]);
    expect(await auditEventsFor(theirs.practice.id)).toEqual([]);
  });

  test("returns null for an unknown or malformed id", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    expect(await getClientRecord(scope, randomUUID())).toBeNull();
    expect(await getClientRecord(scope, "not-a-uuid")).toBeNull();
    expect(await getClientRecord(scope, "")).toBeNull();
    expect(await getClientRecord(scope, "1' or '1'='1")).toBeNull();
    expect(await auditEventsFor(practice.id)).toEqual([]);
  });

  test("each read is a separate audit event", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const client = await createClient(practice);
    await getClientRecord(scope, client.id);
    await getClientRecord(scope, client.id);
    expect(await auditEventsFor(practice.id, "client.read")).toHaveLength(2);
    // The couple table is untouched by a read.
    expect(await db.select().from(couples).where(eq(couples.practiceId, practice.id))).toEqual([]);
  });
});
