import { describe, expect, test } from "vitest";
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify, suggestSlug } from "@/lib/practices/slug";

describe("slugify", () => {
  test.each([
    ["Harbor Couples Therapy", "harbor-couples-therapy"],
    ["Åsa's Pelvic Health & Recovery", "asas-pelvic-health-and-recovery"],
    ["  --Kindling!! Coaching--  ", "kindling-coaching"],
    ["Straße 12", "strasse-12"],
    ["★★★", ""],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  test("a long name is cut at a word, within the limit, in the database's shape", () => {
    const slug = slugify("The Very Long Name of a Practice for Couples and Families in the Greater Portland Area");
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("suggestSlug", () => {
  test("the first free number", () => {
    expect(suggestSlug("harbor", new Set(["harbor"]))).toBe("harbor-2");
    expect(suggestSlug("harbor", new Set(["harbor", "harbor-2", "harbor-3"]))).toBe("harbor-4");
  });

  test("a base at the length limit is shortened so the number fits", () => {
    const base = "a".repeat(SLUG_MAX_LENGTH);
    const suggestion = suggestSlug(base, new Set([base]));
    expect(suggestion).toBe(`${"a".repeat(SLUG_MAX_LENGTH - 2)}-2`);
    expect(suggestion).toMatch(SLUG_PATTERN);
  });
});
