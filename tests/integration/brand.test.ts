import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { emailMessages, storedObjects } from "@/db/schema";
import FormsToCompleteEmail from "@/emails/forms-to-complete";
import { brandForContext, loadBrand } from "@/lib/brand/load-brand";
import { currentLogo, removeLogo, saveBrand, saveLogo } from "@/lib/brand/save-brand";
import { sendEmail } from "@/lib/email/send-email";
import { storedFilesDir } from "@/lib/export/practice-export";
import { auditEventsFor, createClient, createPracticeWithOwner, uniqueEmail } from "./helpers/factories";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("rest of a png")]);

describe("a practice's brand", () => {
  test("name and colour are saved and audited; a light colour changes nothing", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    expect((await loadBrand(practice.id))?.name).toBe(practice.name);
    expect(await saveBrand(scope, { displayName: "Harbor & Co", colour: "#6B2D5C" })).toEqual({ ok: true });
    const refused = await saveBrand(scope, { displayName: "Other", colour: "#ffee00" });
    expect(refused.ok).toBe(false);
    expect(Object.keys((refused as { errors: object }).errors)).toEqual(["colour"]);
    const brand = await loadBrand(practice.id);
    expect(brand).toMatchObject({ name: "Harbor & Co", colour: "#6b2d5c", logoPath: null });
    expect((await auditEventsFor(practice.id)).map((e) => e.action)).toContain("brand.update");
  });

  test("a new logo replaces the old one; SVG is refused; removing leaves no bytes", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    expect(await saveLogo(scope, new TextEncoder().encode("<svg></svg>"))).toMatchObject({ ok: false, errors: { logo: [expect.stringMatching(/^Logo:/)] } });
    expect(await saveLogo(scope, PNG, new Date("2031-01-01T00:00:00Z"))).toEqual({ ok: true });
    expect(await saveLogo(scope, PNG, new Date("2031-01-02T00:00:00Z"))).toEqual({ ok: true });
    const rows = await db.select({ key: storedObjects.key }).from(storedObjects).where(eq(storedObjects.practiceId, practice.id));
    expect(rows).toEqual([{ key: `brand/logo-${Date.parse("2031-01-02T00:00:00Z")}` }]);
    expect(await readdir(path.join(storedFilesDir(practice.id), "brand"))).toEqual([`logo-${Date.parse("2031-01-02T00:00:00Z")}`]);
    expect((await loadBrand(practice.id))?.logoPath).toBe(`/api/brand/${practice.slug}/logo?v=${Date.parse("2031-01-02T00:00:00Z")}`);
    expect((await currentLogo(practice.id))?.contentType).toBe("image/png");
    await removeLogo(scope);
    expect(await currentLogo(practice.id)).toBeNull();
    expect(await db.select().from(storedObjects).where(eq(storedObjects.practiceId, practice.id))).toEqual([]);
    // The default (disk) driver's folder for the practice holds no logo either.
    expect(await readdir(path.join(storedFilesDir(practice.id), "brand")).catch(() => [])).toEqual([]);
  });

  test("a portal page wears the brand only for the record's own user", async () => {
    const { practice } = await createPracticeWithOwner();
    const client = await createClient(practice, { firstName: "Noor", email: uniqueEmail("noor") });
    expect(await brandForContext({ clientId: client.id }, randomUUID())).toBeNull();
    expect((await brandForContext({ clientId: client.id }, null))?.practiceId).toBe(practice.id);
  });

  test("an email from the practice is headed with its name and logo; the product is only in the footer", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    await saveBrand(scope, { displayName: "Harbor Couples Studio", colour: "#6b2d5c" });
    await saveLogo(scope, PNG);
    const key = `brand-test:${randomUUID()}`;
    await sendEmail(
      {
        key,
        to: uniqueEmail("client"),
        subject: "Forms",
        template: "forms-to-complete",
        practiceId: practice.id,
        element: createElement(FormsToCompleteEmail, { practiceName: "Harbor Couples Studio", recipientName: "Noor", count: 1, url: "http://localhost:3000/portal/x/forms", kind: "new" }),
      },
      null,
    );
    const [row] = await db.select().from(emailMessages).where(eq(emailMessages.key, key));
    const text = row!.text!;
    expect(text.trimStart().startsWith("Harbor Couples Studio")).toBe(true);
    expect(text.match(/Tandem/g)).toEqual(["Tandem"]);
    expect(text).toMatch(/Sent with Tandem\s*$/);
    expect(row!.html).toContain(`/api/brand/${practice.slug}/logo?v=`);
    expect(row!.html).toContain("background-color:#6b2d5c");
  });
});
