import { describe, expect, test } from "vitest";
import { parsePracticeCreateArgs } from "@/scripts/lib/practice-create-args";

describe("npm run practice:create arguments", () => {
  test("--name and --owner \"Name <email>\" are enough; the rest has defaults", () => {
    expect(parsePracticeCreateArgs(["--name", "Harbor Light", "--owner", "Dana Reyes <dana@example.test>"], "America/Chicago")).toEqual({
      ok: true,
      input: { name: "Harbor Light", slug: undefined, kind: "couples_therapy", country: "US", timeZone: "America/Chicago", currency: "USD", ownerName: "Dana Reyes", ownerEmail: "dana@example.test" },
    });
  });

  test("a name with --email, a kind written with hyphens, a country's currency", () => {
    const args = parsePracticeCreateArgs(["--name", "Core", "--owner", "Sam Lee", "--email", "sam@example.test", "--kind", "pelvic-pt", "--country", "de", "--time-zone", "Europe/Berlin"], "UTC");
    expect(args).toMatchObject({ ok: true, input: { kind: "pelvic_pt", country: "DE", currency: "EUR", timeZone: "Europe/Berlin", ownerName: "Sam Lee", ownerEmail: "sam@example.test" } });
  });

  test("an address alone: the name is its first part", () => {
    expect(parsePracticeCreateArgs(["--name", "Core", "--owner", "sam@example.test"], "UTC")).toMatchObject({ ok: true, input: { ownerName: "sam", ownerEmail: "sam@example.test" } });
  });

  test.each([
    [["--owner", "a@b.test"], "--name is required"],
    [["--name", "Core"], "--owner is required"],
    [["--name", "Core", "--owner", "Sam"], "--owner needs an email address"],
    [["--name", "Core", "--owner", "a@b.test", "--colour", "red"], "Unknown option '--colour'"],
  ])("%j is refused: %s", (argv, message) => {
    const args = parsePracticeCreateArgs(argv, "UTC");
    expect(args.ok).toBe(false);
    if (!args.ok) expect(args.message).toContain(message);
  });
});
