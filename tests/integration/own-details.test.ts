import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { clients } from "@/db/schema";
import { saveOwnDetails } from "@/lib/clients/save-own-details";
import { auditEventsFor, createClient, createPractice, createUser } from "./helpers/factories";

const NOW = new Date("2031-05-01T12:00:00Z");
const ADDRESS = { addressLine1: "12 Harbour Row", addressLine2: "", city: "Portland", region: "OR", postalCode: "97201", country: "us" };

async function couple() {
  const practice = await createPractice();
  const ana = await createClient(practice, { firstName: "Ana", userId: (await createUser()).id, phone: "+1 503 555 0100" });
  const ben = await createClient(practice, { firstName: "Ben", userId: (await createUser()).id, phone: "+1 503 555 0199" });
  return { practice, ana, ben };
}

const reread = async (id: string) => (await db.select().from(clients).where(eq(clients.id, id)))[0]!;

describe("a client's own details", () => {
  it("saves the client's own row only, and audits which fields changed without their values", async () => {
    const { practice, ana, ben } = await couple();
    const result = await saveOwnDetails({ client: ana }, { preferredName: "Annie", pronouns: "", phone: "+1 503 555 0100", dateOfBirth: "1988-02-29", ...ADDRESS }, NOW);
    expect(result).toEqual({ ok: true });
    const saved = await reread(ana.id);
    expect(saved).toMatchObject({ preferredName: "Annie", dateOfBirth: "1988-02-29", addressLine1: "12 Harbour Row", addressLine2: null, city: "Portland", country: "US", firstName: "Ana" });
    // The partner's record is untouched.
    expect(await reread(ben.id)).toMatchObject({ preferredName: null, addressLine1: null, phone: "+1 503 555 0199" });
    const [event] = await auditEventsFor(practice.id, "client.update_own_details");
    expect(event).toMatchObject({ actorKind: "client", actorUserId: ana.userId, subjectId: ana.id });
    expect((event!.detail as { fields: string[] }).fields.sort()).toEqual(["addressLine1", "city", "country", "dateOfBirth", "postalCode", "preferredName", "region"]);
    expect(JSON.stringify(event!.detail)).not.toContain("Harbour");
  });

  it("bad input names each field and changes nothing", async () => {
    const { practice, ana } = await couple();
    const result = await saveOwnDetails({ client: ana }, { phone: "12", dateOfBirth: "2099-01-01", addressLine1: "12 Harbour Row", city: "", postalCode: "", country: "" }, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["city", "country", "dateOfBirth", "phone", "postalCode"]);
    expect(result.errors.phone).toEqual(["Enter a phone number with at least 7 digits"]);
    expect(await reread(ana.id)).toMatchObject({ phone: "+1 503 555 0100", dateOfBirth: null, addressLine1: null });
    expect(await auditEventsFor(practice.id, "client.update_own_details")).toEqual([]);
  });

  it("a legal name or email in the input is not taken", async () => {
    const { ana } = await couple();
    await saveOwnDetails({ client: ana }, { firstName: "Mallory", email: "mallory@example.test", phone: "+1 503 555 0111" }, NOW);
    expect(await reread(ana.id)).toMatchObject({ firstName: "Ana", email: ana.email, phone: "+1 503 555 0111" });
  });
});
