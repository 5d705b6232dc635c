import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { fieldFailure, messageFailure, noResult, orMessage, parseArgs, uuidArg } from "@/lib/actions/args";

const ID = "5f0c1a52-3a4e-4c2b-9d1e-6b7a8c9d0e1f";

describe("an action's arguments (lib/actions/args)", () => {
  test("are taken as a plain function takes them: extra ones dropped, missing ones undefined", () => {
    const schema = z.tuple([z.string(), z.unknown()]);
    expect(parseArgs(schema, ["a", { x: 1 }, new FormData()])).toEqual({ ok: true, data: ["a", { x: 1 }] });
    expect(parseArgs(schema, ["a"])).toEqual({ ok: true, data: ["a", undefined] });
    expect(parseArgs(z.tuple([]), [new FormData()])).toEqual({ ok: true, data: [] });
  });

  test("answer the first failing argument's message, in order (the id before the input)", () => {
    const schema = z.tuple([uuidArg("That session was not found."), z.enum(["completed", "no_show"], { message: "Choose completed or no-show" })]);
    expect(parseArgs(schema, ["nope", "maybe"])).toMatchObject({ ok: false, message: "That session was not found." });
    expect(parseArgs(schema, [{ id: ID }, "completed"])).toMatchObject({ ok: false, message: "That session was not found." });
    expect(parseArgs(schema, [ID, "maybe"])).toMatchObject({ ok: false, message: "Choose completed or no-show" });
    expect(parseArgs(schema, [ID, "no_show"])).toEqual({ ok: true, data: [ID, "no_show"] });
  });

  test("uuidArg takes any letter case, as the guards' isUuid does", () => {
    expect(parseArgs(z.tuple([uuidArg("x")]), [ID.toUpperCase()]).ok).toBe(true);
    expect(parseArgs(z.tuple([uuidArg("x")]), [`${ID}0`]).ok).toBe(false);
  });

  test("orMessage keeps the schema's output and replaces every failure with one sentence", () => {
    const waive = orMessage(z.object({ waiveFee: z.boolean().optional().default(false) }), "Choose whether to waive the late-cancellation fee.");
    expect(parseArgs(z.tuple([waive]), [{}])).toEqual({ ok: true, data: [{ waiveFee: false }] });
    expect(parseArgs(z.tuple([waive]), [{ waiveFee: "yes" }])).toMatchObject({ ok: false, message: "Choose whether to waive the late-cancellation fee." });
  });

  test("failures come in the shapes the forms read", () => {
    expect(fieldFailure()("Not found")).toEqual({ ok: false, errors: { form: ["Not found"] } });
    expect(fieldFailure("paymentMode")("Not found")).toEqual({ ok: false, errors: { paymentMode: ["Not found"] } });
    expect(messageFailure("That fee is not known.")).toEqual({ ok: false, message: "That fee is not known." });
    expect(noResult()).toBeUndefined();
  });
});

// The portal's actions: the wrapper's guard, requireClient, comes before anything else.
const PORTAL = join(process.cwd(), "app/(portal)");
const actionFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? actionFiles(join(dir, d.name)) : d.name === "actions.ts" ? [join(dir, d.name)] : []));

describe("every portal server action", () => {
  const exported = actionFiles(PORTAL).flatMap((f) => [...readFileSync(f, "utf8").matchAll(/^export (?:async function|const) (\w+)(.*)$/gm)].map((m) => ({ id: `${relative(PORTAL, f)}#${m[1]}`, line: m[0] })));

  test("finds them", () => {
    expect(exported.length).toBeGreaterThanOrEqual(6);
  });

  test.each(exported.map((e) => [e.id, e.line] as const))("%s is a clientAction", (_id, line) => {
    expect(line).toMatch(/^export const \w+ = clientAction\(/);
  });

  test("the wrapper guards before it parses or runs anything", () => {
    const wrapper = readFileSync(join(process.cwd(), "lib/actions/client-action.ts"), "utf8");
    const body = wrapper.slice(wrapper.indexOf("return async (clientId, ...args) => {"));
    expect(body.indexOf("await requireClient(clientId)")).toBeGreaterThan(0);
    expect(body.indexOf("await requireClient(clientId)")).toBeLessThan(body.indexOf("parseArgs("));
  });
});
