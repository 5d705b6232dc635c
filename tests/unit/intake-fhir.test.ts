import { describe, expect, test } from "vitest";
import { COUPLES_INTAKE, INFORMED_CONSENT } from "@/lib/intake/starter-templates";
import { toQuestionnaire, toQuestionnaireResponse } from "@/lib/intake/fhir";

const meta = { baseUrl: "https://tandem.example", templateId: "t-1", slug: "couples-intake", version: 2, publishedAt: new Date("2031-01-01T00:00:00Z"), publisher: "Harbor" };

type Item = { linkId: string; type?: string; item?: Item[]; enableWhen?: unknown[]; answer?: Record<string, unknown>[]; answerOption?: unknown[]; repeats?: boolean };

const find = (items: Item[], linkId: string): Item | undefined => {
  for (const i of items) {
    if (i.linkId === linkId) return i;
    const inner = i.item ? find(i.item, linkId) : undefined;
    if (inner) return inner;
  }
  return undefined;
};

describe("FHIR R4 export", () => {
  test("a Questionnaire names its canonical URL and version, groups sections and maps kinds and show-if", () => {
    const q = toQuestionnaire(COUPLES_INTAKE, meta) as { resourceType: string; url: string; version: string; status: string; item: Item[] };
    expect(q).toMatchObject({ resourceType: "Questionnaire", url: "https://tandem.example/fhir/Questionnaire/t-1", version: "2", status: "active" });
    expect(q.item.map((i) => i.type)).toEqual(["group", "group", "group", "group"]);
    expect(find(q.item, "together_years")?.type).toBe("decimal");
    expect(find(q.item, "has_children")?.type).toBe("boolean");
    expect(find(q.item, "children_ages")).toMatchObject({ type: "string", enableWhen: [{ question: "has_children", operator: "=", answerBoolean: true }] });
    expect(find(q.item, "status")).toMatchObject({ type: "choice", answerOption: expect.arrayContaining([{ valueCoding: { code: "married", display: "Married or in a civil partnership" } }]) });
    expect(find(q.item, "safety_resources")).toMatchObject({ type: "display", enableBehavior: "any" });
    expect(find(q.item, "closeness")?.type).toBe("integer");
  });

  test("a QuestionnaireResponse carries visible answers typed per item, and the signature as name and agreement", () => {
    const r = toQuestionnaireResponse(
      INFORMED_CONSENT,
      { signature: { name: "Ana Reyes", agreed: true } },
      { ...meta, slug: "informed-consent", responseId: "r-1", submittedAt: new Date("2031-02-01T10:00:00Z"), subject: { id: "c-1", display: "Ana Reyes" } },
    ) as { resourceType: string; questionnaire: string; status: string; subject: unknown; item: Item[] };
    expect(r).toMatchObject({ resourceType: "QuestionnaireResponse", questionnaire: "https://tandem.example/fhir/Questionnaire/t-1|2", status: "completed", subject: { reference: "Patient/c-1" } });
    expect(find(r.item, "signature.name")?.answer).toEqual([{ valueString: "Ana Reyes" }]);
    expect(find(r.item, "signature.agreed")?.answer).toEqual([{ valueBoolean: true }]);

    const couples = toQuestionnaireResponse(
      COUPLES_INTAKE,
      { together_years: 7, has_children: false, children_ages: "hidden", status: "married", closeness: 4 },
      { ...meta, responseId: "r-2", submittedAt: new Date(), subject: { id: "c-2", display: "B" } },
    ) as { item: Item[] };
    expect(find(couples.item, "children_ages")).toBeUndefined();
    expect(find(couples.item, "status")?.answer).toEqual([{ valueCoding: { code: "married", display: "Married or in a civil partnership" } }]);
    expect(find(couples.item, "closeness")?.answer).toEqual([{ valueInteger: 4 }]);
  });
});
