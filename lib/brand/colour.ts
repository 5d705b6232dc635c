/**
 * The brand colour rule (decision 0040): a practice's colour is the fill of
 * its primary buttons and its header accent, with white text on it, and the
 * colour of links on white. Both need WCAG AA for normal text, 4.5:1, and
 * white-on-colour has the same ratio as colour-on-white, so one check covers
 * both. A colour that fails is refused (not silently changed: the owner would
 * see a colour they did not pick), and the refusal offers the nearest darker
 * shade that passes. Pure.
 */

export const MIN_CONTRAST = 4.5;

const HEX = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** "#RGB", "#RRGGBB" (with or without "#", any case) as "#rrggbb"; null when it is not a hex colour. */
export function normaliseHex(input: string): string | null {
  const m = HEX.exec(input.trim());
  if (!m) return null;
  const digits = m[1]!.toLowerCase();
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  return `#${full}`;
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance of "#rrggbb". */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of white text on "#rrggbb" (1 to 21). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

export function passesWithWhite(hex: string): boolean {
  return contrastWithWhite(hex) >= MIN_CONTRAST;
}

/** The lightest shade of `hex` (same hue, scaled towards black) that passes with white text; `hex` itself when it passes. */
export function darkEnoughShade(hex: string): string {
  if (passesWithWhite(hex)) return hex;
  const base = channels(hex);
  // Scaling every channel by k lowers the luminance monotonically: bisect on k.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const k = (lo + hi) / 2;
    if (passesWithWhite(toHex(base.map((c) => c * k) as [number, number, number]))) lo = k;
    else hi = k;
  }
  let shade = toHex(base.map((c) => c * lo) as [number, number, number]);
  // Rounding to whole channels can land a hair under the line: step down until it passes.
  for (let k = lo; !passesWithWhite(shade) && k > 0; k -= 0.005) shade = toHex(base.map((c) => c * k) as [number, number, number]);
  return shade;
}

/** A darker variant for hover and pressed states (the app's --color-brand-strong). */
export function strongerShade(hex: string): string {
  return toHex(channels(hex).map((c) => c * 0.8) as [number, number, number]);
}

/** "4.5:1"-style, rounded down so a shown ratio never claims more than it has. */
export function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 10) / 10}:1`;
}

/**
 * A pale tint for selected and highlighted backgrounds (--color-brand-soft).
 * Text on it is --color-brand-strong, which stays well above 4.5:1 on it.
 */
export function softTint(hex: string): string {
  return toHex(channels(hex).map((c) => 255 - (255 - c) * 0.1) as [number, number, number]);
}
