import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, couples, emailMessages, messageAttachments, messages, services, storedObjects, threads, type Client, type Practice } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/guards";
import { clientAttachment, staffAttachment } from "@/lib/messaging/attachments";
import { assignThread, listInbox, loadStaffThread, setThreadStatus, staffThreadsForClient } from "@/lib/messaging/inbox";
import { inboxFilterSchema } from "@/lib/messaging/message-schema";
import { sendMessageDigest } from "@/lib/messaging/notify";
import { postClientMessage, postStaffMessage } from "@/lib/messaging/post";
import { saveMessagePreference, saveMessagingSettings } from "@/lib/messaging/settings";
import { listClientThreads, loadClientThread } from "@/lib/messaging/threads";
import { pgError } from "@/lib/db/pg-error";
import { exportClientRecord } from "@/lib/export/client-export";
import { mergeUnverifiedInto } from "@/lib/clients/merge-client";
import { jsonEntry, readAll, unzip } from "./helpers/unzip";
import { auditEventsFor, countRows, createClient, createMember, createPracticeWithOwner, createUser, scopeFor, uniqueEmail } from "./helpers/factories";

const NOW = new Date("2031-05-04T10:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const PDF = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"));
const EXE_AS_PDF = new Uint8Array(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90), Buffer.from("%PDF-1.4")]));
const filter = (raw: Record<string, string> = {}) => inboxFilterSchema.parse(raw);

async function portalClient(practice: Practice, firstName: string): Promise<{ client: Client; scope: ClientScope }> {
  const user = await createUser({ email: uniqueEmail(firstName.toLowerCase()), name: firstName });
  const client = await createClient(practice, { firstName, userId: user.id, email: user.email });
  return { client, scope: { client, user: { id: user.id, email: user.email, name: firstName, isStaff: false }, practice, practiceDisplayName: practice.name } };
}

async function appointmentWith(practice: Practice, memberId: string, clientIds: string[]) {
  const [service] = await db.insert(services).values({ practiceId: practice.id, name: "Couples session", durationMinutes: 50, format: "online", attendance: "couple" }).returning();
  const startsAt = at(3 * 24 * 60);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [appt] = await db
    .insert(appointments)
    .values({ practiceId: practice.id, serviceId: service!.id, memberId, format: "online", startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status: "confirmed", priceCents: 0, currency: "USD" })
    .returning();
  await db.insert(appointmentAttendees).values(clientIds.map((clientId) => ({ practiceId: practice.id, appointmentId: appt!.id, clientId })));
}

/** A couple (Ana and Ben) with portals, their clinician (with a session), another clinician, the front desk. */
async function setup() {
  const { practice, owner, scope: ownerScope } = await createPracticeWithOwner();
  const clinician = await createMember(practice, { role: "clinician", displayName: "Maya Okafor" });
  const other = await createMember(practice, { role: "clinician", displayName: "Other Clinician" });
  const desk = await createMember(practice, { role: "front_desk" });
  const ana = await portalClient(practice, "Ana");
  const ben = await portalClient(practice, "Ben");
  const [a, b] = [ana.client.id, ben.client.id].sort();
  await db.insert(couples).values({ practiceId: practice.id, clientAId: a!, clientBId: b! });
  await appointmentWith(practice, clinician.member.id, [ana.client.id, ben.client.id]);
  const anaThreads = await listClientThreads(ana.scope);
  const anaOwn = anaThreads.find((t) => t.kind === "own")!;
  const shared = anaThreads.find((t) => t.kind === "shared")!;
  return { practice, owner, ownerScope, clinician, other, desk, ana, ben, anaOwn, shared };
}

async function storedFor(practiceId: string) {
  return {
    messages: await countRows(messages, eq(messages.practiceId, practiceId)),
    attachments: await countRows(messageAttachments, eq(messageAttachments.practiceId, practiceId)),
    objects: await countRows(storedObjects, eq(storedObjects.practiceId, practiceId)),
  };
}

describe("threads", () => {
  it("gives a couple a shared thread and each partner their own; each partner lists only their own and the shared one", async () => {
    const { practice, ana, ben, anaOwn, shared } = await setup();
    const all = await db.select().from(threads).where(eq(threads.practiceId, practice.id));
    expect(all.map((t) => t.kind).sort()).toEqual(["own", "own", "shared"]);
    const benThreads = await listClientThreads(ben.scope);
    expect(benThreads.map((t) => t.id).sort()).toEqual([shared.id, all.find((t) => t.kind === "own" && t.clientId === ben.client.id)!.id].sort());
    expect(benThreads.map((t) => t.id)).not.toContain(anaOwn.id);
    expect(shared.title).toBe("Shared with Ben");
    expect(anaOwn.title).toBe("Just you and the practice");
    // Idempotent: listing again makes nothing new.
    await listClientThreads(ana.scope);
    expect(await countRows(threads, eq(threads.practiceId, practice.id))).toBe(3);
  });

  it("a message in the shared thread reaches both partners; Ana's own thread stays hers", async () => {
    const { ana, ben, anaOwn, shared } = await setup();
    expect(await postClientMessage(ana.scope, shared.id, { body: "Can we talk about Tuesday?" }, [], at(1))).toMatchObject({ ok: true });
    expect(await postClientMessage(ana.scope, anaOwn.id, { body: "Only for you: I am tired." }, [], at(2))).toMatchObject({ ok: true });
    const benList = await listClientThreads(ben.scope);
    expect(benList.find((t) => t.id === shared.id)?.unread).toBe(1);
    const page = await loadClientThread(ben.scope, shared.id, at(3));
    expect(page.ok && page.page.messages.map((m) => [m.authorName, m.body, m.mine])).toEqual([["Ana", "Can we talk about Tuesday?", false]]);
    expect((await listClientThreads(ben.scope)).find((t) => t.id === shared.id)?.unread).toBe(0);
  });
});

describe("a partner's own thread is invisible to the other partner", () => {
  it("from every lib function a portal page, action or route calls", async () => {
    const { practice, ana, ben, anaOwn, clinician } = await setup();
    const posted = await postClientMessage(ana.scope, anaOwn.id, { body: "Private" }, [{ name: "scan.pdf", bytes: PDF }], at(1));
    expect(posted.ok).toBe(true);
    const staffPage = await loadStaffThread(scopeFor(clinician), anaOwn.id, at(2));
    const attachmentId = staffPage.ok ? staffPage.page.messages[0]!.attachments[0]!.id : "";
    expect(attachmentId).not.toBe("");
    const before = await storedFor(practice.id);

    expect((await listClientThreads(ben.scope)).map((t) => t.id)).not.toContain(anaOwn.id);
    expect(await loadClientThread(ben.scope, anaOwn.id, at(3))).toEqual({ ok: false, code: "not_found", message: "This conversation was not found." });
    // The poll is the same function with a cursor.
    expect(await loadClientThread(ben.scope, anaOwn.id, at(3), 0)).toMatchObject({ code: "not_found" });
    expect(await loadClientThread(ben.scope, anaOwn.id, at(3), 1)).toMatchObject({ code: "not_found" });
    expect(await postClientMessage(ben.scope, anaOwn.id, { body: "Let me in" }, [{ name: "x.pdf", bytes: PDF }], at(3))).toMatchObject({ code: "not_found" });
    expect(await clientAttachment(ben.scope, anaOwn.id, attachmentId)).toMatchObject({ code: "not_found" });
    // Ben's own shared-thread id with Ana's attachment id: the attachment must belong to the thread named.
    const benShared = (await listClientThreads(ben.scope)).find((t) => t.kind === "shared")!;
    expect(await clientAttachment(ben.scope, benShared.id, attachmentId)).toMatchObject({ code: "not_found" });
    expect(await storedFor(practice.id)).toEqual(before);
    // Ana herself gets her file back.
    const mine = await clientAttachment(ana.scope, anaOwn.id, attachmentId);
    expect(mine.ok && [mine.file.fileName, mine.file.contentType, Buffer.compare(mine.file.bytes, Buffer.from(PDF))]).toEqual(["scan.pdf", "application/pdf", 0]);
  });

  it("the database keeps a message as written: no update, no delete", async () => {
    const { ana, anaOwn } = await setup();
    const posted = await postClientMessage(ana.scope, anaOwn.id, { body: "As written" }, [], at(1));
    const id = posted.ok ? posted.messageId : "";
    const update = await db.update(messages).set({ body: "Rewritten" }).where(eq(messages.id, id)).then(() => null, (e: unknown) => pgError(e));
    expect(update?.code).toBe("42501");
    const remove = await db.delete(messages).where(eq(messages.id, id)).then(() => null, (e: unknown) => pgError(e));
    expect(remove?.code).toBe("42501");
    const [row] = await db.select({ body: messages.body }).from(messages).where(eq(messages.id, id));
    expect(row?.body).toBe("As written");
  });
});

describe("bad input: a clear message, nothing stored", () => {
  it("refuses an executable renamed .pdf, a file over 20 MB, an empty or too-long message, and a thread one is not in", async () => {
    const { practice, ana, anaOwn, other } = await setup();
    const before = await storedFor(practice.id);
    expect(await postClientMessage(ana.scope, anaOwn.id, { body: "See attached" }, [{ name: "invoice.pdf", bytes: EXE_AS_PDF }], at(1))).toEqual({
      ok: false,
      code: "invalid",
      errors: { attachments: ["Attachment: use a PDF, PNG, JPEG or WebP file (other kinds are not accepted) (invoice.pdf)"] },
    });
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(PDF);
    expect(await postClientMessage(ana.scope, anaOwn.id, { body: "Big one" }, [{ name: "scan.pdf", bytes: big }], at(1))).toEqual({
      ok: false,
      code: "invalid",
      errors: { attachments: ["Attachment: the file is larger than 20 MB (scan.pdf)"] },
    });
    expect(await postClientMessage(ana.scope, anaOwn.id, { body: "   " }, [], at(1))).toEqual({ ok: false, code: "invalid", errors: { body: ["Message: write something"] } });
    expect(await postClientMessage(ana.scope, anaOwn.id, { body: "x".repeat(5001) }, [], at(1))).toEqual({ ok: false, code: "invalid", errors: { body: ["Message: at most 5000 characters"] } });
    // A clinician outside the couple's care team, and a stranger's thread id.
    expect(await postStaffMessage(scopeFor(other), anaOwn.id, { body: "Hello" }, [], at(1))).toMatchObject({ code: "not_found" });
    expect(await postClientMessage(ana.scope, "00000000-0000-4000-8000-000000000000", { body: "Hello" }, [], at(1))).toMatchObject({ code: "not_found" });
    expect(await postClientMessage(ana.scope, "not-a-uuid", { body: "Hello" }, [], at(1))).toMatchObject({ code: "not_found" });
    expect(await storedFor(practice.id)).toEqual(before);
    const [thread] = await db.select().from(threads).where(eq(threads.id, anaOwn.id));
    expect(thread?.lastMessageAt).toBeNull();
  });

  it("another practice's client never reaches this practice's thread", async () => {
    const { anaOwn } = await setup();
    const elsewhere = await createPracticeWithOwner();
    const stranger = await portalClient(elsewhere.practice, "Sam");
    expect(await loadClientThread(stranger.scope, anaOwn.id, at(1))).toMatchObject({ code: "not_found" });
    expect(await loadStaffThread(elsewhere.scope, anaOwn.id, at(1))).toMatchObject({ code: "not_found" });
  });
});

describe("staff", () => {
  it("the care team and owners see a thread; another clinician does not; the front desk only when the practice allows", async () => {
    const { practice, ownerScope, clinician, other, desk, ana, anaOwn } = await setup();
    await postClientMessage(ana.scope, anaOwn.id, { body: "Hello" }, [{ name: "a.pdf", bytes: PDF }], at(1));
    const seen = async (scope: ReturnType<typeof scopeFor>) => (await listInbox(scope, filter())).map((r) => r.id).includes(anaOwn.id);
    expect(await seen(ownerScope)).toBe(true);
    expect(await seen(scopeFor(clinician))).toBe(true);
    expect(await seen(scopeFor(other))).toBe(false);
    expect(await seen(scopeFor(desk))).toBe(false);
    expect(await loadStaffThread(scopeFor(other), anaOwn.id, at(2))).toMatchObject({ code: "not_found" });
    expect(await loadStaffThread(scopeFor(desk), anaOwn.id, at(2))).toMatchObject({ code: "not_found" });
    const page = await loadStaffThread(ownerScope, anaOwn.id, at(2));
    const attachmentId = page.ok ? page.page.messages[0]!.attachments[0]!.id : "";
    expect(await staffAttachment(scopeFor(other), anaOwn.id, attachmentId)).toMatchObject({ code: "not_found" });
    expect(await saveMessagingSettings(ownerScope, { crisisText: "Call 988 in a crisis.", frontDeskAccess: true }, at(3))).toEqual({ ok: true });
    expect(await seen(scopeFor(desk))).toBe(true);
    // Assigning the thread brings the other clinician in.
    expect(await assignThread(ownerScope, anaOwn.id, other.member.id)).toEqual({ ok: true });
    expect(await seen(scopeFor(other))).toBe(true);
    expect(await staffThreadsForClient(scopeFor(clinician), ana.client.id)).toHaveLength(2);
    expect((await auditEventsFor(practice.id, "thread.read")).map((e) => [e.actorUserId, e.subjectId])).toEqual([[ownerScope.user.id, anaOwn.id]]);
  });

  it("inbox: unread counts, needs reply, clinician filter, assign, done and reopen", async () => {
    const { ownerScope, clinician, other, ana, ben, anaOwn, shared } = await setup();
    await postClientMessage(ana.scope, anaOwn.id, { body: "One" }, [], at(1));
    await postClientMessage(ana.scope, anaOwn.id, { body: "Two" }, [], at(2));
    await postClientMessage(ben.scope, shared.id, { body: "Three" }, [], at(3));
    const mine = scopeFor(clinician);
    let inbox = await listInbox(mine, filter());
    expect(inbox.map((r) => [r.id, r.unread, r.needsReply])).toEqual([
      [shared.id, 1, true],
      [anaOwn.id, 2, true],
    ]);
    expect(inbox[0]!.who).toMatch(/^(Ana|Ben) Test\w+ & (Ana|Ben) Test\w+$/);
    await loadStaffThread(mine, anaOwn.id, at(4));
    expect(await postStaffMessage(mine, anaOwn.id, { body: "Tuesday works." }, [], at(5))).toMatchObject({ ok: true });
    inbox = await listInbox(mine, filter({ needsReply: "1" }));
    expect(inbox.map((r) => r.id)).toEqual([shared.id]);
    expect((await listInbox(ownerScope, filter({ clinician: other.member.id }))).map((r) => r.id)).toEqual([]);
    expect((await listInbox(ownerScope, filter({ clinician: clinician.member.id }))).map((r) => r.id)).toEqual([anaOwn.id, shared.id]);
    expect(await setThreadStatus(mine, shared.id, "done")).toEqual({ ok: true });
    expect((await listInbox(mine, filter())).map((r) => r.id)).toEqual([anaOwn.id]);
    expect((await listInbox(mine, filter({ status: "done" }))).map((r) => r.id)).toEqual([shared.id]);
    // The client writing again reopens it.
    await postClientMessage(ana.scope, shared.id, { body: "Four" }, [], at(6));
    expect((await listInbox(mine, filter())).map((r) => r.id)).toEqual([shared.id, anaOwn.id]);
    expect(await assignThread(ownerScope, shared.id, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, code: "invalid", errors: { memberId: ["Assign to: choose a member of the practice"] } });
  });
});

describe("emails", () => {
  it("say only that a message waits; at most one per thread in ten minutes; a digest instead when chosen", async () => {
    const { practice, clinician, ana, ben, shared } = await setup();
    const mine = scopeFor(clinician);
    await postStaffMessage(mine, shared.id, { body: "Homework: the stress-reducing conversation" }, [], at(1));
    await postStaffMessage(mine, shared.id, { body: "And a second thing" }, [], at(3));
    const mails = await db.select().from(emailMessages).where(and(eq(emailMessages.practiceId, practice.id), eq(emailMessages.template, "new-message")));
    expect(mails.map((m) => m.to).sort()).toEqual([ana.client.email, ben.client.email].sort());
    for (const m of mails) {
      expect(m.subject).toBe(`You have a new message from ${practice.name}`);
      expect(m.html).not.toContain("stress-reducing");
      expect(m.html).not.toContain("Maya");
    }
    // Eleven minutes on, one more each.
    await postStaffMessage(mine, shared.id, { body: "Third" }, [], at(14));
    expect(await countRows(emailMessages, and(eq(emailMessages.practiceId, practice.id), eq(emailMessages.template, "new-message")))).toBe(4);

    // A client's message tells the care team, naming neither client nor text.
    await postClientMessage(ana.scope, shared.id, { body: "Thanks!" }, [], at(20));
    const [staffMail] = await db.select().from(emailMessages).where(and(eq(emailMessages.practiceId, practice.id), eq(emailMessages.to, clinician.user.email)));
    expect(staffMail?.subject).toBe("A client sent a message");
    expect(staffMail?.html).not.toContain("Ana");
    expect(staffMail?.html).not.toContain("Thanks!");

    // Ben chooses the digest: no email per message; the daily digest counts what he has not read.
    expect(await saveMessagePreference(ben.scope, { emailMode: "digest" }, at(21))).toEqual({ ok: true });
    await postStaffMessage(mine, shared.id, { body: "Fourth" }, [], at(40));
    const toBen = () => db.select().from(emailMessages).where(and(eq(emailMessages.practiceId, practice.id), eq(emailMessages.to, ben.client.email!)));
    expect(await toBen()).toHaveLength(2);
    const run = await sendMessageDigest(at(60));
    expect(run).toMatchObject({ sent: 1 });
    const digest = (await toBen()).find((m) => m.key.startsWith("message-digest:"));
    expect(digest?.subject).toBe(`You have 4 new messages from ${practice.name}`);
    // Nothing new: no second digest.
    expect((await sendMessageDigest(at(24 * 60 + 60))).sent).toBe(0);
  });
});

describe("the bytes go through storage", () => {
  it("takes a 20 MB PDF whole and gives the same bytes back to the client", async () => {
    const { clinician, ana, anaOwn } = await setup();
    const big = new Uint8Array(20 * 1024 * 1024);
    big.set(PDF);
    big.fill(0x41, PDF.length);
    const posted = await postStaffMessage(scopeFor(clinician), anaOwn.id, { body: "The handout" }, [{ name: "handout.pdf", bytes: big }], at(1));
    expect(posted.ok).toBe(true);
    const page = await loadClientThread(ana.scope, anaOwn.id, at(2));
    const attachment = page.ok ? page.page.messages[0]!.attachments[0]! : null;
    expect(attachment).toMatchObject({ fileName: "handout.pdf", contentType: "application/pdf", byteSize: 20 * 1024 * 1024 });
    const file = await clientAttachment(ana.scope, anaOwn.id, attachment!.id);
    expect(file.ok && file.file.bytes.length).toBe(20 * 1024 * 1024);
    expect(file.ok && Buffer.compare(file.file.bytes, Buffer.from(big))).toBe(0);
  });

  it("stores an attachment once under the practice and finds it by id", async () => {
    const { practice, ana, anaOwn } = await setup();
    await postClientMessage(ana.scope, anaOwn.id, { body: "Photo" }, [{ name: "../../etc/photo.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) }], at(1));
    const rows = await db.select().from(messageAttachments).where(eq(messageAttachments.practiceId, practice.id));
    expect(rows.map((r) => [r.fileName, r.contentType, r.byteSize])).toEqual([["photo.png", "image/png", 11]]);
    expect(await countRows(storedObjects, and(eq(storedObjects.practiceId, practice.id), inArray(storedObjects.key, rows.map((r) => r.storageKey))))).toBe(1);
  });
});

describe("export", () => {
  it("a partner's record export holds their own thread and the shared one, never the other partner's own", async () => {
    const { ownerScope, ana, ben, anaOwn, shared } = await setup();
    await postClientMessage(ana.scope, anaOwn.id, { body: "Ana alone" }, [{ name: "ana.pdf", bytes: PDF }], at(1));
    await postClientMessage(ben.scope, shared.id, { body: "Both of us" }, [], at(2));
    const benOwn = (await listClientThreads(ben.scope)).find((t) => t.kind === "own")!;
    await postClientMessage(ben.scope, benOwn.id, { body: "Ben alone" }, [], at(3));
    const tablesOf = async (clientId: string) => {
      const result = await exportClientRecord(ownerScope, clientId, at(4));
      if (!result.ok) throw new Error(result.message);
      return unzip(await readAll(result.stream));
    };
    const benZip = await tablesOf(ben.client.id);
    expect(jsonEntry(benZip, "tables/messages.json").map((m) => m.body)).toEqual(["Both of us", "Ben alone"]);
    expect(jsonEntry(benZip, "tables/threads.json").map((t) => t.id).sort()).toEqual([shared.id, benOwn.id].sort());
    expect(jsonEntry(benZip, "tables/message_attachments.json")).toEqual([]);
    const anaZip = await tablesOf(ana.client.id);
    expect(jsonEntry(anaZip, "tables/messages.json").map((m) => m.body)).toEqual(["Ana alone", "Both of us"]);
    expect(jsonEntry(anaZip, "tables/message_attachments.json").map((a) => a.file_name)).toEqual(["ana.pdf"]);
  });
});

describe("merging a booking's unverified record", () => {
  it("keeps what staff wrote in its own thread, now the kept record's", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const kept = await portalClient(practice, "Kim");
    const booked = await createClient(practice, { firstName: "Kim", unverifiedSince: at(0) });
    const [thread] = await staffThreadsForClient(scope, booked.id);
    expect(await postStaffMessage(scope, thread!.id, { body: "Welcome, see you Tuesday." }, [], at(1))).toMatchObject({ ok: true });
    await db.transaction((tx) => mergeUnverifiedInto(tx, { practiceId: practice.id, fromId: booked.id, intoId: kept.client.id }));
    const mine = (await listClientThreads(kept.scope)).find((t) => t.kind === "own")!;
    expect(mine.id).toBe(thread!.id);
    const page = await loadClientThread(kept.scope, mine.id, at(2));
    expect(page.ok && page.page.messages.map((m) => [m.authorName, m.body])).toEqual([[owner.member.displayName, "Welcome, see you Tuesday."]]);
  });
});
