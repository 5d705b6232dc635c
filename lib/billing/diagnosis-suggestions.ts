/**
 * ICD-10-CM codes a practice of each kind commonly records, offered as
 * suggestions beside the diagnosis field (the clinician still chooses; any
 * valid code is accepted). Checked against the 2025 ICD-10-CM tabular list.
 * Pure data: the browser's picker and the tests read it.
 */
export type PracticeKind = "couples_therapy" | "coaching" | "pelvic_pt";

export interface DiagnosisSuggestion {
  code: string;
  label: string;
}

export const DIAGNOSIS_SUGGESTIONS: Record<PracticeKind, DiagnosisSuggestion[]> = {
  pelvic_pt: [
    { code: "N39.3", label: "Stress incontinence" },
    { code: "N39.41", label: "Urge incontinence" },
    { code: "N39.46", label: "Mixed incontinence" },
    { code: "R39.15", label: "Urgency of urination" },
    { code: "R10.2", label: "Pelvic and perineal pain" },
    { code: "N94.10", label: "Dyspareunia, unspecified" },
    { code: "N94.12", label: "Deep dyspareunia" },
    { code: "M62.89", label: "Other specified disorders of muscle (pelvic floor dysfunction)" },
    { code: "M62.81", label: "Muscle weakness (generalized)" },
    { code: "M62.08", label: "Separation of muscle, other site (diastasis recti)" },
    { code: "K59.00", label: "Constipation, unspecified" },
    { code: "R15.9", label: "Full incontinence of feces" },
    { code: "O90.89", label: "Other complications of the puerperium" },
    { code: "Z39.2", label: "Routine postpartum follow-up" },
  ],
  couples_therapy: [
    { code: "Z63.0", label: "Problems in relationship with spouse or partner" },
    { code: "Z63.8", label: "Other specified problems related to primary support group" },
    { code: "F43.20", label: "Adjustment disorder, unspecified" },
    { code: "F43.21", label: "Adjustment disorder with depressed mood" },
    { code: "F43.22", label: "Adjustment disorder with anxiety" },
    { code: "F43.23", label: "Adjustment disorder with mixed anxiety and depressed mood" },
    { code: "F53.0", label: "Postpartum depression" },
    { code: "F41.1", label: "Generalized anxiety disorder" },
    { code: "F52.0", label: "Hypoactive sexual desire disorder" },
  ],
  // Coaching is rarely billed to insurance and coaches do not diagnose: nothing is suggested.
  coaching: [],
};

export function diagnosisSuggestions(kind: PracticeKind): DiagnosisSuggestion[] {
  return DIAGNOSIS_SUGGESTIONS[kind];
}

/** The field's example, per kind: a pelvic PT clinic is not shown mental-health codes. */
export function diagnosisExample(kind: PracticeKind): string {
  return kind === "pelvic_pt" ? "N39.3, R10.2" : kind === "couples_therapy" ? "F43.23, Z63.0" : "any ICD-10 code you use";
}
