import { and, desc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { auditEvents, clientEmailChanges, clients, emailMessages, users } from "@/db/schema";
import { confirmEmailChange, openEmailChangeLink, pendingEmailChange } from "@/lib/clients/email-change";
import { saveClient } from "@/lib/clients/save-client";
import { createClient, createMember, createPracticeWithOwner, createUser, scopeFor, uniqueEmail } from "./helpers/factories";

async function clientRow(id: string) {
  const [row] = await db.select().from(clients).where(eq(clients.id, id));
  return row!;
}

async function mailTo(to: string) {
  return db.select().from(emailMessages).where(eq(emailMessages.to, to)).orderBy(desc(emailMessages.createdAt));
}

/** The token in the confirmation link the new address was sent. */
async function tokenSentTo(to: string): Promise<string> {
  const [mail] = (await mailTo(to)).filter((m) => m.template === "email-change-confirm");
  const match = /\/email-change\/([A-Za-z0-9_.-]+)/.exec(mail?.text ?? "");
  if (!match) throw new Error("no confirmation link in the email");
  return match[1]!;
}

/** A practice with a client who has portal access (and a user for it), and a front-desk member. */
async function portalClient() {
  const { practice, scope: ownerScope } = await createPracticeWithOwner();
  const desk = await createMember(practice, { role: "front_desk" });
  const clientUser = await createUser({ email: uniqueEmail("client") });
  const client = await createClient(practice, { firstName: "Mara", lastName: "Quinn", email: clientUser.email, userId: clientUser.id, dateOfBirth: "1986-02-14" });
  return { practice, ownerScope, desk, deskScope: scopeFor(desk), client, clientUser };
}

const edit = (c: { firstName: string; lastName: string }, email: string, portalAccess = true) => ({ firstName: c.firstName, lastName: c.lastName, email, portalAccess });

describe("a portal login changes hands only with consent", () => {
  test("a front-desk member's own address is refused with a field error, and nothing changes or is sent", async () => {
    const { deskScope, desk, client, clientUser } = await portalClient();
    const result = await saveClient(deskScope, client.id, edit(client, desk.user.email.toUpperCase()));
    expect(result).toEqual({ ok: false, errors: { email: ["This address belongs to a member of the practice"] } });
    expect(await clientRow(client.id)).toEqual(client);
    expect(await mailTo(desk.user.email)).toHaveLength(0);
    expect(await mailTo(clientUser.email)).toHaveLength(0);
    expect(await db.select().from(clientEmailChanges).where(eq(clientEmailChanges.clientId, client.id))).toHaveLength(0);
  });

  test("an invited member's address is refused too, and a new client cannot be given a member's address with portal access", async () => {
    const { practice, ownerScope, client } = await portalClient();
    const invited = await createMember(practice, { role: "clinician", joinedAt: null });
    expect(await saveClient(ownerScope, client.id, edit(client, invited.user.email))).toEqual({ ok: false, errors: { email: ["This address belongs to a member of the practice"] } });
    expect(await saveClient(ownerScope, null, edit({ firstName: "New", lastName: "Person" }, invited.user.email))).toEqual({
      ok: false,
      errors: { email: ["This address belongs to a member of the practice"] },
    });
  });

  test("the takeover attempt: the email does not change, the new address gets a link, the old one a notice without clinical detail", async () => {
    const { deskScope, client, clientUser } = await portalClient();
    const attacker = uniqueEmail("someone-else");
    const result = await saveClient(deskScope, client.id, { ...edit(client, attacker), phone: "555-010-9999" });
    expect(result).toEqual({ ok: true, clientId: client.id, pendingEmail: attacker });

    const row = await clientRow(client.id);
    expect(row.email).toBe(clientUser.email);
    expect(row.userId).toBe(clientUser.id);
    expect(row.phone).toBe("555-010-9999"); // the rest of the edit is saved
    expect(await db.select().from(users).where(eq(users.email, attacker))).toHaveLength(0);
    expect(await pendingEmailChange(client.practiceId, client.id, new Date())).toMatchObject({ newEmail: attacker });

    const [confirm] = await mailTo(attacker);
    expect(confirm).toMatchObject({ template: "email-change-confirm", status: "outbox" });
    expect(confirm!.text).toContain("http://localhost:3000/email-change/");
    const [notice] = await mailTo(clientUser.email);
    expect(notice).toMatchObject({ template: "email-change-notice" });
    for (const mail of [confirm!, notice!]) {
      for (const secret of ["Mara", "Quinn", "1986-02-14", "555-010-9999"]) expect(mail.text).not.toContain(secret);
    }
    expect(notice!.text).not.toContain(attacker);
  });

  test("confirming the link switches the address and the portal login, once", async () => {
    const { deskScope, client, clientUser } = await portalClient();
    const next = uniqueEmail("new-address");
    await saveClient(deskScope, client.id, edit(client, next));
    const token = await tokenSentTo(next);

    // Opening the page changes nothing.
    expect(await openEmailChangeLink(token, new Date())).toMatchObject({ ok: true, state: "open" });
    expect((await clientRow(client.id)).email).toBe(clientUser.email);

    expect(await confirmEmailChange(token, new Date())).toMatchObject({ ok: true });
    const row = await clientRow(client.id);
    expect(row.email).toBe(next);
    const [newUser] = await db.select().from(users).where(eq(users.email, next));
    expect(row.userId).toBe(newUser!.id);
    expect(await pendingEmailChange(client.practiceId, client.id, new Date())).toBeNull();

    // Single use: a second click finds nothing to do; the page says it is done.
    expect(await confirmEmailChange(token, new Date())).toEqual({ ok: false, code: "gone" });
    expect(await openEmailChangeLink(token, new Date())).toMatchObject({ ok: true, state: "confirmed" });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, client.id), eq(auditEvents.action, "client.email_change_confirm")));
    expect(event).toMatchObject({ actorKind: "client", actorUserId: newUser!.id });
    expect(JSON.stringify(event!.detail)).not.toContain("@");
  });

  test("the link expires after 48 hours, and a newer request replaces an older link", async () => {
    const { ownerScope, client } = await portalClient();
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await saveClient(ownerScope, client.id, edit(client, first));
    const firstToken = await tokenSentTo(first);
    expect(await confirmEmailChange(firstToken, new Date(Date.now() + 49 * 3_600_000))).toEqual({ ok: false, code: "gone" });

    await saveClient(ownerScope, client.id, edit(client, second));
    expect(await confirmEmailChange(firstToken, new Date())).toEqual({ ok: false, code: "gone" });
    expect((await clientRow(client.id)).email).toBe(client.email);
    expect(await confirmEmailChange(await tokenSentTo(second), new Date())).toMatchObject({ ok: true });
    expect((await clientRow(client.id)).email).toBe(second);
  });

  test("a tampered token is refused", async () => {
    const { ownerScope, client } = await portalClient();
    const next = uniqueEmail("next");
    await saveClient(ownerScope, client.id, edit(client, next));
    const token = await tokenSentTo(next);
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "AB" : "AA"}`;
    expect(await confirmEmailChange(tampered, new Date())).toEqual({ ok: false, code: "gone" });
    expect((await clientRow(client.id)).email).toBe(client.email);
  });

  test("saving other fields keeps a pending change; turning portal access off cancels it", async () => {
    const { ownerScope, client } = await portalClient();
    const next = uniqueEmail("pending");
    await saveClient(ownerScope, client.id, edit(client, next));
    await saveClient(ownerScope, client.id, { ...edit(client, client.email!), pronouns: "she/her" });
    expect(await pendingEmailChange(client.practiceId, client.id, new Date())).toMatchObject({ newEmail: next });
    await saveClient(ownerScope, client.id, edit(client, client.email!, false));
    expect(await pendingEmailChange(client.practiceId, client.id, new Date())).toBeNull();
    expect(await confirmEmailChange(await tokenSentTo(next), new Date())).toEqual({ ok: false, code: "gone" });
  });

  test("without portal access the address changes at once, and the old address is told (access off, change, on cannot pass unseen)", async () => {
    const { deskScope, client, clientUser } = await portalClient();
    await saveClient(deskScope, client.id, edit(client, client.email!, false));
    const other = uniqueEmail("other");
    expect(await saveClient(deskScope, client.id, edit(client, other, false))).toMatchObject({ ok: true, pendingEmail: null });
    expect((await clientRow(client.id)).email).toBe(other);
    expect((await mailTo(clientUser.email)).map((m) => m.template)).toEqual(["email-change-notice"]);
  });

  test("a new address another client already uses is refused at once", async () => {
    const { practice, ownerScope, client } = await portalClient();
    const taken = await createClient(practice, { email: uniqueEmail("taken") });
    expect(await saveClient(ownerScope, client.id, edit(client, taken.email!))).toEqual({ ok: false, errors: { email: ["Another client in this practice already uses this email"] } });
    expect(await pendingEmailChange(client.practiceId, client.id, new Date())).toBeNull();
  });
});
