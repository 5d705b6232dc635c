import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The practice an email is from, as it shows itself (decision 0040): its
 * name, its logo (an absolute address: mail opens outside the site) and its
 * colour. sendEmail renders each message inside `withEmailBrand` for the
 * message's practice, so every template's layout and button wear it without
 * each template and caller passing it along; with none, the product's own
 * header. The store lives only for one render.
 */
export interface EmailBrand {
  name: string;
  logoUrl: string | null;
  /** "#rrggbb", dark enough for white text (lib/brand/colour.ts). */
  colour: string | null;
}

const current = new AsyncLocalStorage<EmailBrand | null>();

export function withEmailBrand<T>(brand: EmailBrand | null, render: () => T): T {
  return current.run(brand, render);
}

export function currentEmailBrand(): EmailBrand | null {
  return current.getStore() ?? null;
}

export const DEFAULT_EMAIL_COLOUR = "#23524a";
