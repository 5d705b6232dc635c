/**
 * Decodes the `application/x-www-form-urlencoded` bodies the Stripe SDK
 * sends (`metadata[paymentId]=…&line_items[0][price_data][currency]=usd`)
 * into nested objects and arrays, values left as strings.
 */
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

export function parseFormBody(body: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = keyPath(rawKey);
    let node: FormObject | FormValue[] = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      const key: string | number = Array.isArray(node) ? (segment === "" ? node.length : Number(segment)) : segment;
      if (last) {
        (node as Record<string | number, FormValue>)[key] = value;
        break;
      }
      const nextIsIndex = /^\d*$/.test(path[i + 1]!);
      const existing = (node as Record<string | number, FormValue>)[key];
      if (existing === undefined || typeof existing === "string") {
        const created: FormObject | FormValue[] = nextIsIndex ? [] : {};
        (node as Record<string | number, FormValue>)[key] = created;
        node = created;
      } else {
        node = existing as FormObject | FormValue[];
      }
    }
  }
  return root;
}

function keyPath(key: string): string[] {
  const first = key.indexOf("[");
  if (first === -1) return [key];
  const parts = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(key.slice(first)))) parts.push(match[1]!);
  return parts;
}
