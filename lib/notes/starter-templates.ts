import type { NoteField, NoteTemplateDefinition } from "./content";

/**
 * The note templates every practice starts with (decision 0052), written for
 * Tandem in our own words. A practice edits them later by publishing a new
 * version; a note keeps the version it was written on.
 */
export interface NoteTemplateFixture {
  slug: string;
  definition: NoteTemplateDefinition;
}

const long = (id: string, label: string, help?: string): NoteField => ({ id, label, kind: "long_text", ...(help ? { help } : {}) });
const short = (id: string, label: string, help?: string): NoteField => ({ id, label, kind: "short_text", ...(help ? { help } : {}) });

/** The fields every session template opens with, filled from the appointment. */
const SESSION_FACTS = {
  id: "session",
  title: "Session",
  fields: [
    { id: "attendees", label: "Who attended", kind: "short_text", prefill: "attendees" },
    { id: "service", label: "Service", kind: "short_text", prefill: "service" },
    { id: "cpt", label: "CPT codes", kind: "short_text", prefill: "cpt", help: "As they go on the superbill, e.g. 90847 or 97110 x2 GP" },
    { id: "measures", label: "Latest measure scores", kind: "long_text", prefill: "measures" },
  ],
} as const satisfies NoteTemplateDefinition["sections"][number];

export const SOAP: NoteTemplateDefinition = {
  title: "SOAP note",
  description: "What the client reported, what you observed, how you read it, and what comes next.",
  kind: "progress",
  sections: [
    SESSION_FACTS,
    {
      id: "soap",
      title: "Note",
      fields: [
        long("subjective", "Subjective", "In the client's terms: what they brought today, how the week went, anything new since last time."),
        long("objective", "Objective", "What you saw and measured: presentation, affect, scores, anything observable."),
        long("assessment", "Assessment", "Your clinical reading: progress toward the plan's goals, risk, changes in the picture."),
        long("plan", "Plan", "Next steps: focus of the next session, homework, referrals, when you meet again."),
      ],
    },
  ],
};

export const DAP: NoteTemplateDefinition = {
  title: "DAP note",
  description: "The session's facts, your reading of them, and the plan.",
  kind: "progress",
  sections: [
    SESSION_FACTS,
    {
      id: "dap",
      title: "Note",
      fields: [
        long("data", "Data", "What happened in the session: what was said and done, and what you observed."),
        long("assessment", "Assessment", "What it means clinically, and how it bears on the treatment plan."),
        long("plan", "Plan", "What you will do next and what the client will do before the next session."),
      ],
    },
  ],
};

export const BIRP: NoteTemplateDefinition = {
  title: "BIRP note",
  description: "The client's presentation, your interventions, how they responded, and the plan.",
  kind: "progress",
  sections: [
    SESSION_FACTS,
    {
      id: "birp",
      title: "Note",
      fields: [
        long("behavior", "Behavior", "How the client presented and what they reported."),
        long("intervention", "Intervention", "What you did: the methods and techniques used toward the plan's goals."),
        long("response", "Response", "How the client took it: engagement, shifts, what landed and what did not."),
        long("plan", "Plan", "What comes next, including homework and the next session."),
      ],
    },
  ],
};

export const COUPLES_SESSION: NoteTemplateDefinition = {
  title: "Couples session note",
  description: "One joint note for both partners. Clinical staff only: neither partner ever sees it.",
  kind: "progress",
  sections: [
    SESSION_FACTS,
    {
      id: "couple",
      title: "The couple",
      fields: [
        long("partner_a", "First partner today", "Their view of the week, their part in the pattern, their hopes for the session."),
        long("partner_b", "Second partner today", "The same for the other partner."),
        long("cycle", "The cycle", "The pattern that showed up between them: who pursues or withdraws, the triggers, the underlying feelings and needs."),
        long("interventions", "Interventions", "What you did: reflecting the pattern, slowing an escalation, enactments, reframes."),
        long("homework", "Homework given", "What the couple agreed to try before next time (assign it in Homework so it reaches them)."),
        long("plan", "Plan", "Focus for next session, risk, anything to see either partner about alone."),
      ],
    },
  ],
};

export const PELVIC_EVALUATION: NoteTemplateDefinition = {
  title: "Pelvic PT evaluation",
  description: "The first visit: history, objective findings, assessment, plan and goals.",
  kind: "progress",
  sections: [
    SESSION_FACTS,
    {
      id: "history",
      title: "History",
      fields: [
        long("chief_complaint", "Main concern", "In the client's words: what they want help with and how it affects daily life."),
        long("obstetric", "Pregnancy and delivery", "Births, type of delivery, tearing or interventions, weeks since the last birth."),
        long("symptoms", "Bladder, bowel and sexual health", "Leaking, urgency, constipation, pain with intercourse, heaviness."),
        long("medical", "Medical history and medications"),
      ],
    },
    {
      id: "objective",
      title: "Objective findings",
      fields: [
        { id: "pain_nrs", label: "Pain today (0–10)", kind: "number", min: 0, max: 10 },
        { id: "pfm_strength", label: "Pelvic floor strength (Modified Oxford, 0–5)", kind: "number", min: 0, max: 5 },
        { id: "pfm_endurance", label: "Endurance: seconds held", kind: "number", min: 0, max: 120, unit: "seconds" },
        { id: "pfm_repetitions", label: "Repetitions before fatigue", kind: "number", min: 0, max: 50 },
        { id: "pfm_relaxation", label: "Relaxation after a contraction", kind: "choice", options: [
          { value: "complete", label: "Complete" },
          { value: "partial", label: "Partial" },
          { value: "absent", label: "Absent" },
        ] },
        { id: "diastasis_cm", label: "Abdominal separation at the navel", kind: "number", min: 0, max: 15, unit: "cm" },
        long("posture_breathing", "Posture, breathing and movement"),
        long("palpation", "Palpation and other findings", "Tender points, scar mobility, tone."),
      ],
    },
    {
      id: "assessment_plan",
      title: "Assessment and plan",
      fields: [
        long("assessment", "Assessment", "Your reading of the findings and how they explain the concern."),
        long("plan", "Plan of care", "Frequency and number of visits, treatment approaches, home program."),
        long("goals", "Goals", "Short- and long-term goals with how they will be measured (record them in the treatment plan to chart them)."),
      ],
    },
  ],
};

export const PELVIC_DAILY: NoteTemplateDefinition = {
  title: "Pelvic PT daily note",
  description: "A follow-up visit: how things are since last time, what you did, and what is next.",
  kind: "progress",
  sections: [
    SESSION_FACTS,
    {
      id: "visit",
      title: "Visit",
      fields: [
        long("since_last", "Since last visit", "Symptoms, home program adherence, anything new."),
        { id: "pain_nrs", label: "Pain today (0–10)", kind: "number", min: 0, max: 10 },
        long("treatment", "Treatment given", "Manual therapy, exercises with sets and repetitions, education."),
        long("response", "Response to treatment"),
        long("plan", "Plan", "Changes to the home program, focus for the next visit."),
      ],
    },
  ],
};

export const PROCESS_NOTES: NoteTemplateDefinition = {
  title: "Psychotherapy notes",
  description: "Your private process notes: readable only by you, kept apart from the record, never exported or shown to the client.",
  kind: "psychotherapy",
  sections: [
    {
      id: "process",
      title: "Process notes",
      fields: [long("impressions", "Impressions and hypotheses"), long("reactions", "Your own reactions"), short("to_explore", "To explore next time")],
    },
  ],
};

/** Every practice gets all of them: couples therapists write process notes, pelvic clinics sometimes see couples. */
export const NOTE_TEMPLATES: readonly NoteTemplateFixture[] = [
  { slug: "soap", definition: SOAP },
  { slug: "dap", definition: DAP },
  { slug: "birp", definition: BIRP },
  { slug: "couples-session", definition: COUPLES_SESSION },
  { slug: "pelvic-pt-evaluation", definition: PELVIC_EVALUATION },
  { slug: "pelvic-pt-daily", definition: PELVIC_DAILY },
  { slug: "psychotherapy-notes", definition: PROCESS_NOTES },
];
