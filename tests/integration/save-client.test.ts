import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { auditEvents, clients, users } from "@/db/schema";
import { saveClient } from "@/lib/clients/save-client";
import { auditEventsFor, countRows, createClient, createPracticeWithOwner, createUser, uniqueEmail } from "./helpers/factories";

async function clientRow(id: string) {
  const [row] = await db.select().from(clients).where(eq(clients.id, id));
  return row;
}

describe("saveClient: create", () => {
  test("stores the normalised client in the practice", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const email = uniqueEmail("Jordan");
    const result = await saveClient(scope, null, {
      firstName: " Jordan ",
      lastName: "Lee",
      email: `  ${email.toUpperCase()} `,
      phone: "555-010-2030",
      dateOfBirth: "1988-04-12",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await clientRow(result.clientId);
    expect(row).toMatchObject({
      practiceId: practice.id,
      firstName: "Jordan",
      lastName: "Lee",
      email,
      phone: "555-010-2030",
      dateOfBirth: "1988-04-12",
      status: "active",
      userId: null,
    });
  });

  test("writes a client.create audit event with field names, not the values", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const result = await saveClient(scope, null, {
      firstName: "Riley",
      lastName: "Nakamura",
      email: uniqueEmail("riley"),
      dateOfBirth: "1979-11-02",
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const events = await auditEventsFor(practice.id, "client.create");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorKind: "member",
      actorUserId: owner.user.id,
      subjectType: "client",
      subjectId: result.clientId,
    });
    const detail = JSON.stringify(events[0]!.detail);
    expect(detail).toContain("firstName");
    for (const value of ["Riley", "Nakamura", "1979-11-02", "@example.test"]) expect(detail).not.toContain(value);
  });

  test("portal access creates the user for the email and links it", async () => {
    const { scope } = await createPracticeWithOwner();
    const email = uniqueEmail("portal");
    const result = await saveClient(scope, null, { firstName: "Avery", lastName: "Stone", email, portalAccess: true });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ email, name: "Avery Stone" });
    expect((await clientRow(result.clientId))?.userId).toBe(user!.id);
  });

  test("portal access links an existing account rather than making a second one", async () => {
    const { scope } = await createPracticeWithOwner();
    const existing = await createUser({ email: uniqueEmail("existing") });
    const result = await saveClient(scope, null, { firstName: "Sky", lastName: "Ward", email: existing.email, portalAccess: true });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect((await clientRow(result.clientId))?.userId).toBe(existing.id);
    expect(await countRows(users, eq(users.email, existing.email))).toBe(1);
  });

  test("portal access without an email is an error on `email` and creates nothing", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const result = await saveClient(scope, null, { firstName: "No", lastName: "Email", portalAccess: true });
    expect(result).toEqual({ ok: false, errors: { email: ["An email address is needed for portal access"] } });
    expect(await countRows(clients, eq(clients.practiceId, practice.id))).toBe(0);
  });

  test("bad input is reported by field and changes nothing", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const usersBefore = await countRows(users);
    const result = await saveClient(scope, null, { firstName: "", lastName: "Lee", email: "nope", dateOfBirth: "2999-01-01" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["dateOfBirth", "email", "firstName"]);
    expect(await countRows(clients, eq(clients.practiceId, practice.id))).toBe(0);
    expect(await countRows(auditEvents, eq(auditEvents.practiceId, practice.id))).toBe(0);
    expect(await countRows(users)).toBe(usersBefore);
  });

  test("a duplicate email in the same practice is an error on `email` and nothing is added", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const email = uniqueEmail("dup");
    await createClient(practice, { firstName: "First", email });
    const before = await countRows(clients, eq(clients.practiceId, practice.id));
    const result = await saveClient(scope, null, { firstName: "Second", lastName: "Person", email: email.toUpperCase() });
    expect(result).toEqual({ ok: false, errors: { email: ["Another client in this practice already uses this email"] } });
    expect(await countRows(clients, eq(clients.practiceId, practice.id))).toBe(before);
    expect(await auditEventsFor(practice.id, "client.create")).toHaveLength(0);
  });

  test("the same email is allowed in another practice", async () => {
    const email = uniqueEmail("shared");
    const first = await createPracticeWithOwner();
    const second = await createPracticeWithOwner();
    const a = await saveClient(first.scope, null, { firstName: "Pat", lastName: "One", email });
    const b = await saveClient(second.scope, null, { firstName: "Pat", lastName: "Two", email });
    expect(a.ok && b.ok).toBe(true);
    expect(await countRows(clients, eq(clients.email, email))).toBe(2);
  });
});

describe("saveClient: update", () => {
  test("changes the client's fields and writes client.update", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    // Last changed a minute ago: the save may land in the same millisecond as the insert.
    const client = await createClient(practice, { firstName: "Old", lastName: "Name", phone: "555-000-0000", updatedAt: new Date(Date.now() - 60_000) });
    const result = await saveClient(scope, client.id, { firstName: "New", lastName: "Name", pronouns: "she/her" });
    expect(result).toEqual({ ok: true, clientId: client.id, pendingEmail: null });
    const row = await clientRow(client.id);
    expect(row).toMatchObject({ firstName: "New", lastName: "Name", pronouns: "she/her", phone: null });
    expect(row!.updatedAt.getTime()).toBeGreaterThan(client.updatedAt.getTime());
    const events = await auditEventsFor(practice.id, "client.update");
    expect(events.map((e) => e.subjectId)).toEqual([client.id]);
    expect(JSON.stringify(events[0]!.detail)).not.toContain("New");
  });

  test("taking another client's email is an error on `email` and the client is unchanged", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const taken = uniqueEmail("taken");
    await createClient(practice, { email: taken });
    const client = await createClient(practice, { firstName: "Keep", email: uniqueEmail("mine") });
    const result = await saveClient(scope, client.id, { firstName: "Changed", lastName: client.lastName, email: taken });
    expect(result).toEqual({ ok: false, errors: { email: ["Another client in this practice already uses this email"] } });
    expect(await clientRow(client.id)).toEqual(client);
    expect(await auditEventsFor(practice.id, "client.update")).toHaveLength(0);
  });

  test("turning portal access off unlinks the account", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const user = await createUser({ email: uniqueEmail("unlink") });
    const client = await createClient(practice, { email: user.email, userId: user.id });
    const result = await saveClient(scope, client.id, { firstName: client.firstName, lastName: client.lastName, email: user.email });
    expect(result.ok).toBe(true);
    expect((await clientRow(client.id))?.userId).toBeNull();
  });

  test("another practice's client is not found and stays unchanged", async () => {
    const mine = await createPracticeWithOwner();
    const theirs = await createPracticeWithOwner();
    const client = await createClient(theirs.practice, { firstName: "Theirs" });
    const result = await saveClient(mine.scope, client.id, { firstName: "Hijacked", lastName: "X" });
    expect(result).toEqual({ ok: false, errors: { form: ["That client was not found in this practice"] } });
    expect(await clientRow(client.id)).toEqual(client);
    expect(await countRows(auditEvents, eq(auditEvents.practiceId, mine.practice.id))).toBe(0);
  });

  test("an unknown or malformed client id is not found (not a crash)", async () => {
    const { scope } = await createPracticeWithOwner();
    const notFound = { ok: false, errors: { form: ["That client was not found in this practice"] } };
    expect(await saveClient(scope, randomUUID(), { firstName: "A", lastName: "B" })).toEqual(notFound);
    expect(await saveClient(scope, "not-a-uuid", { firstName: "A", lastName: "B" })).toEqual(notFound);
  });
});
