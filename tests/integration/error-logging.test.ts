import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { safeErrorText } from "@/lib/db/pg-error";

describe("a real database error, as logged", () => {
  it("a unique violation through drizzle names the constraint, never the address it was about", async () => {
    const email = `dup-${randomUUID().slice(0, 8)}@example.test`;
    await db.insert(users).values({ email, name: "Dup" });
    const error = await db
      .insert(users)
      .values({ email, name: "Dup again" })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    // drizzle's own message (and the server's detail) would carry it.
    expect(`${(error as Error).message} ${String(((error as Error).cause as { detail?: string }).detail)}`).toContain(email);
    const text = safeErrorText(error);
    expect(text).toContain("23505");
    expect(text).not.toContain(email);
    expect(text).not.toContain("Dup again");
  });
});
