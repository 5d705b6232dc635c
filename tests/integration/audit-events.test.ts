import { eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { pgError } from "@/lib/db/pg-error";
import { auditEventsFor, createPracticeWithOwner } from "./helpers/factories";

async function refusal(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected the database to refuse").not.toBeNull();
  return { pg: pgError(error), message: String((error as Error & { cause?: Error }).cause?.message ?? error) };
}

test("recordAudit appends an event with the actor and subject", async () => {
  const { practice, owner } = await createPracticeWithOwner();
  await recordAudit({
    practiceId: practice.id,
    actor: { kind: "member", userId: owner.user.id },
    action: "client.read",
    subjectType: "client",
    subjectId: "abc",
    detail: { fields: ["firstName"] },
  });
  await recordAudit({ practiceId: practice.id, actor: { kind: "system" }, action: "job.run", subjectType: "job", subjectId: "1" });
  const events = await auditEventsFor(practice.id);
  expect(events.map((e) => [e.actorKind, e.actorUserId, e.action, e.detail])).toEqual([
    ["member", owner.user.id, "client.read", { fields: ["firstName"] }],
    ["system", null, "job.run", null],
  ]);
});

test("audit events cannot be updated or deleted, not even by the app's own connection", async () => {
  const { practice } = await createPracticeWithOwner();
  await recordAudit({ practiceId: practice.id, actor: { kind: "system" }, action: "test.event", subjectType: "test", subjectId: "1" });
  const [event] = await auditEventsFor(practice.id);

  const update = await refusal(() => db.update(auditEvents).set({ action: "rewritten" }).where(eq(auditEvents.id, event!.id)));
  expect(update.pg?.code).toBe("42501");
  expect(update.message).toMatch(/append-only/);

  const del = await refusal(() => db.delete(auditEvents).where(eq(auditEvents.id, event!.id)));
  expect(del.pg?.code).toBe("42501");

  const truncate = await refusal(() => db.execute(sql`truncate audit_events`));
  expect(truncate.pg?.code).toBe("42501");

  expect(await auditEventsFor(practice.id)).toEqual([event]);
});
