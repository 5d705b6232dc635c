import { expect, test } from "vitest";
import { isUuid } from "@/lib/ids";

test("isUuid takes a UUID in either case and nothing else", () => {
  expect(isUuid("0b5e0f1c-3f0e-4d3b-9a43-6a1d2f0c9e11")).toBe(true);
  expect(isUuid("0B5E0F1C-3F0E-4D3B-9A43-6A1D2F0C9E11")).toBe(true);
  for (const bad of ["", "abc", "0b5e0f1c3f0e4d3b9a436a1d2f0c9e11", "0b5e0f1c-3f0e-4d3b-9a43-6a1d2f0c9e1", " 0b5e0f1c-3f0e-4d3b-9a43-6a1d2f0c9e11", "0b5e0f1c-3f0e-4d3b-9a43-6a1d2f0c9e11'--"]) {
    expect(isUuid(bad), bad).toBe(false);
  }
});
