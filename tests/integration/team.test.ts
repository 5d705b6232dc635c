import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { emailMessages, members, users } from "@/db/schema";
import { changeMemberRole, inviteMember, listTeam, removeMember } from "@/lib/team/manage-team";
import { auditEventsFor, countRows, createMember, createPracticeWithOwner, createUser, scopeFor, uniqueEmail } from "./helpers/factories";

async function memberRow(id: string) {
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row;
}

describe("inviteMember", () => {
  test("creates the user and a pending member, and puts an invitation in the outbox", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const email = uniqueEmail("new-clinician");
    const result = await inviteMember(scope, { email: email.toUpperCase(), displayName: "Dr. Sam Ortiz", role: "clinician", credentials: "LMFT" });
    expect(result).toEqual({ ok: true });

    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ email, name: "Dr. Sam Ortiz" });
    const [member] = await db.select().from(members).where(and(eq(members.practiceId, practice.id), eq(members.userId, user!.id)));
    expect(member).toMatchObject({ role: "clinician", displayName: "Dr. Sam Ortiz", credentials: "LMFT", joinedAt: null });

    const [message] = await db.select().from(emailMessages).where(eq(emailMessages.key, `invitation:${member!.id}`));
    expect(message).toMatchObject({
      to: email,
      template: "invitation",
      practiceId: practice.id,
      status: "outbox",
      subject: `Join ${practice.name} on Tandem`,
      providerId: null,
    });
    expect(message!.html).toContain(practice.name);
    expect(message!.text).toContain(`${owner.member.displayName} invited you to join ${practice.name}`);
    expect(message!.text).toContain("http://localhost:3000/sign-in");

    const events = await auditEventsFor(practice.id, "member.invite");
    expect(events).toEqual([expect.objectContaining({ subjectId: member!.id, actorUserId: owner.user.id, detail: { role: "clinician" } })]);
  });

  test("the invited person appears on the team as not yet joined", async () => {
    const { scope } = await createPracticeWithOwner();
    const email = uniqueEmail("invitee");
    await inviteMember(scope, { email, displayName: "Invitee", role: "front_desk" });
    const team = await listTeam(scope);
    expect(team.find((m) => m.email === email)).toMatchObject({ role: "front_desk", joinedAt: null });
    expect(team).toHaveLength(2);
  });

  test("an existing account (e.g. on another team) is reused", async () => {
    const { scope } = await createPracticeWithOwner();
    const existing = await createUser({ email: uniqueEmail("existing"), name: "Kept Name" });
    expect(await inviteMember(scope, { email: existing.email, displayName: "Other Name", role: "admin" })).toEqual({ ok: true });
    expect(await countRows(users, eq(users.email, existing.email))).toBe(1);
    const [user] = await db.select().from(users).where(eq(users.id, existing.id));
    expect(user?.name).toBe("Kept Name");
  });

  test("inviting someone already on the team is an error on `email` and sends nothing more", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const email = uniqueEmail("twice");
    expect(await inviteMember(scope, { email, displayName: "Twice", role: "clinician" })).toEqual({ ok: true });
    expect(await inviteMember(scope, { email, displayName: "Twice Again", role: "admin" })).toEqual({
      ok: false,
      errors: { email: ["This person is already on the team"] },
    });
    expect(await countRows(members, eq(members.practiceId, practice.id))).toBe(2);
    expect(await countRows(emailMessages, eq(emailMessages.to, email))).toBe(1);
    expect(await auditEventsFor(practice.id, "member.invite")).toHaveLength(1);
  });

  test("bad input is reported by field and changes nothing", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const result = await inviteMember(scope, { email: "not-an-email", displayName: "", role: "wizard" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["displayName", "email", "role"]);
    expect(await countRows(members, eq(members.practiceId, practice.id))).toBe(1);
    expect(await countRows(emailMessages, eq(emailMessages.practiceId, practice.id))).toBe(0);
  });

  test("an admin cannot invite an owner; an owner can", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const admin = await createMember(practice, { role: "admin" });
    const email = uniqueEmail("would-be-owner");
    expect(await inviteMember(scopeFor(admin), { email, displayName: "Boss", role: "owner" })).toEqual({
      ok: false,
      errors: { role: ["Only an owner can invite another owner"] },
    });
    expect(await countRows(users, eq(users.email, email))).toBe(0);
    expect(await inviteMember(scopeFor(admin), { email, displayName: "Helper", role: "clinician" })).toEqual({ ok: true });
    expect(await inviteMember(scope, { email: uniqueEmail("co-owner"), displayName: "Co", role: "owner" })).toEqual({ ok: true });
  });

  test("a clinician cannot invite anyone", async () => {
    const { practice } = await createPracticeWithOwner();
    const clinician = await createMember(practice, { role: "clinician" });
    const result = await inviteMember(scopeFor(clinician), { email: uniqueEmail("x"), displayName: "X", role: "front_desk" });
    expect(result.ok).toBe(false);
    expect(await countRows(members, eq(members.practiceId, practice.id))).toBe(2);
  });
});

describe("changeMemberRole", () => {
  test("an owner changes a member's role, audited with from/to", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const m = await createMember(practice, { role: "clinician" });
    expect(await changeMemberRole(scope, { memberId: m.member.id, role: "admin" })).toEqual({ ok: true });
    expect((await memberRow(m.member.id))?.role).toBe("admin");
    expect(await auditEventsFor(practice.id, "member.role_change")).toEqual([
      expect.objectContaining({ subjectId: m.member.id, detail: { from: "clinician", to: "admin" } }),
    ]);
  });

  test("an admin cannot make an owner or demote one, but manages other roles", async () => {
    const { practice, owner } = await createPracticeWithOwner();
    const admin = await createMember(practice, { role: "admin" });
    const clinician = await createMember(practice, { role: "clinician" });
    const adminScope = scopeFor(admin);
    expect(await changeMemberRole(adminScope, { memberId: clinician.member.id, role: "owner" })).toEqual({
      ok: false,
      errors: { role: ["Only an owner can change an owner's role or make an owner"] },
    });
    expect(await changeMemberRole(adminScope, { memberId: owner.member.id, role: "clinician" })).toEqual({
      ok: false,
      errors: { role: ["Only an owner can change an owner's role or make an owner"] },
    });
    expect(await changeMemberRole(adminScope, { memberId: admin.member.id, role: "owner" })).toMatchObject({ ok: false });
    expect((await memberRow(clinician.member.id))?.role).toBe("clinician");
    expect((await memberRow(owner.member.id))?.role).toBe("owner");
    expect((await memberRow(admin.member.id))?.role).toBe("admin");

    expect(await changeMemberRole(adminScope, { memberId: clinician.member.id, role: "front_desk" })).toEqual({ ok: true });
    expect((await memberRow(clinician.member.id))?.role).toBe("front_desk");
  });

  test("the last owner cannot be demoted; with a second owner they can", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    expect(await changeMemberRole(scope, { memberId: owner.member.id, role: "admin" })).toEqual({
      ok: false,
      errors: { role: ["A practice needs at least one owner"] },
    });
    expect((await memberRow(owner.member.id))?.role).toBe("owner");

    const second = await createMember(practice, { role: "owner" });
    expect(await changeMemberRole(scope, { memberId: owner.member.id, role: "admin" })).toEqual({ ok: true });
    // Now `second` is the last owner.
    expect(await changeMemberRole(scopeFor(second), { memberId: second.member.id, role: "clinician" })).toMatchObject({ ok: false });
    expect((await memberRow(second.member.id))?.role).toBe("owner");
  });

  test("two owners demoting or removing each other at once: one succeeds, one is refused, no errors", async () => {
    // Several rounds: before the team lock, most rounds ended in a deadlock error.
    for (let round = 0; round < 5; round++) {
      const { practice, owner, scope } = await createPracticeWithOwner();
      const second = await createMember(practice, { role: "owner" });
      const results = await Promise.all([
        changeMemberRole(scope, { memberId: second.member.id, role: "admin" }),
        round % 2 === 0
          ? changeMemberRole(scopeFor(second), { memberId: owner.member.id, role: "admin" })
          : removeMember(scopeFor(second), { memberId: owner.member.id }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const refused = results.find((r) => !r.ok);
      expect(refused && !refused.ok && Object.values(refused.errors).flat()).toEqual(["A practice needs at least one owner"]);
      expect(await countRows(members, and(eq(members.practiceId, practice.id), eq(members.role, "owner")))).toBe(1);
    }
  });

  test("another practice's member is not on this team, and is unchanged", async () => {
    const mine = await createPracticeWithOwner();
    const theirs = await createPracticeWithOwner();
    const notFound = { ok: false, errors: { memberId: ["That member is not on this team"] } };
    expect(await changeMemberRole(mine.scope, { memberId: theirs.owner.member.id, role: "clinician" })).toEqual(notFound);
    expect(await changeMemberRole(mine.scope, { memberId: randomUUID(), role: "clinician" })).toEqual(notFound);
    expect((await memberRow(theirs.owner.member.id))?.role).toBe("owner");
    expect(await changeMemberRole(mine.scope, { memberId: "abc", role: "clinician" })).toEqual({ ok: false, errors: { memberId: ["Unknown member"] } });
  });
});

describe("removeMember", () => {
  test("removes a member and audits it", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const m = await createMember(practice, { role: "front_desk" });
    expect(await removeMember(scope, { memberId: m.member.id })).toEqual({ ok: true });
    expect(await memberRow(m.member.id)).toBeUndefined();
    expect(await auditEventsFor(practice.id, "member.remove")).toEqual([
      expect.objectContaining({ subjectId: m.member.id, detail: { role: "front_desk" } }),
    ]);
  });

  test("the last owner cannot be removed", async () => {
    const { owner, scope } = await createPracticeWithOwner();
    expect(await removeMember(scope, { memberId: owner.member.id })).toEqual({
      ok: false,
      errors: { memberId: ["A practice needs at least one owner"] },
    });
    expect(await memberRow(owner.member.id)).toBeDefined();
  });

  test("an admin cannot remove an owner", async () => {
    const { practice, owner } = await createPracticeWithOwner();
    await createMember(practice, { role: "owner" });
    const admin = await createMember(practice, { role: "admin" });
    expect(await removeMember(scopeFor(admin), { memberId: owner.member.id })).toEqual({
      ok: false,
      errors: { memberId: ["Only an owner can remove an owner"] },
    });
    expect(await memberRow(owner.member.id)).toBeDefined();
  });

  test("another practice's member is not on this team, and stays", async () => {
    const mine = await createPracticeWithOwner();
    const theirs = await createPracticeWithOwner();
    const victim = await createMember(theirs.practice, { role: "clinician" });
    expect(await removeMember(mine.scope, { memberId: victim.member.id })).toEqual({
      ok: false,
      errors: { memberId: ["That member is not on this team"] },
    });
    expect(await memberRow(victim.member.id)).toBeDefined();
    expect(await auditEventsFor(mine.practice.id)).toEqual([]);
  });
});
