import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import ExerciseSheetEmail, { exerciseSheetSubject } from "@/emails/exercise-sheet";

describe("the home-exercise sheet email", () => {
  test("says only that the practice sent a sheet, with the portal link", async () => {
    const body = await render(ExerciseSheetEmail(ExerciseSheetEmail.PreviewProps), { plainText: true });
    expect(exerciseSheetSubject("Riverside Pelvic Health")).toBe("Riverside Pelvic Health sent you a home-exercise sheet");
    expect(body).toContain("Hi Dana");
    expect(body).toContain("Riverside Pelvic Health sent you a home-exercise sheet.");
    expect(body).toContain(ExerciseSheetEmail.PreviewProps.portalUrl);
    expect(body).not.toMatch(/sets|reps|hold|pelvic floor|lift/i);
  });
});
