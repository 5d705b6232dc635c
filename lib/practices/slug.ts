/**
 * Readable practice slugs (the `/clinic/<slug>` and `/book/<slug>` part of a
 * link): lower-case ASCII words joined by single hyphens, the shape the
 * database's `practices_slug_format` check allows. Pure: safe in the browser.
 */
export const SLUG_MAX_LENGTH = 48;
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** "Åsa's Couples & Family Care" → "asas-couples-and-family-care"; "" when nothing readable is left. */
export function slugify(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return trimToLength(words, SLUG_MAX_LENGTH);
}

/** Cut at a hyphen where possible, never leaving one at the end. */
function trimToLength(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

/**
 * The first free `<base>-2`, `<base>-3`, … given the slugs already taken that
 * start with `base` (the caller reads them in one query). The base is shortened
 * so the number always fits.
 */
export function suggestSlug(base: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${trimToLength(base, SLUG_MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
