import type { FormKind, PracticeKind } from "@/db/schema";
import type { FormDefinition } from "@/lib/intake/form-definition";
import type { MeasureId } from "@/lib/intake/measures/types";

/**
 * The forms each new practice starts with, written for Tandem: a seeded demo
 * practice and one started from the sign-up page alike (lib/intake/starter-forms.ts).
 * Each practice edits them in the builder (which publishes new versions).
 */
export interface TemplateFixture {
  slug: string;
  kind: FormKind;
  definition: FormDefinition;
}

const yesNo = (id: string, label: string, required = true) => ({ id, kind: "yes_no" as const, label, required });

export const SAFETY_RESOURCES_MESSAGE =
  "Thank you for telling us. Your answer is seen only by your clinician, never by your partner. If you are in danger right now, call 911 (or your local emergency number). In the US you can reach the National Domestic Violence Hotline any time at 1-800-799-7233, or text START to 88788. Your clinician is told as soon as you submit this form that your answers need their attention, and will contact you privately, never through your partner.";

export const COUPLES_INTAKE: FormDefinition = {
  title: "Couples intake",
  description:
    "Each partner fills this in on their own. Your answers go to your clinician only; your partner does not see them.",
  sections: [
    {
      id: "relationship",
      title: "Your relationship",
      questions: [
        { id: "together_years", kind: "number", label: "How many years have you been together?", required: true, min: 0, max: 80, unit: "years" },
        {
          id: "status",
          kind: "single_choice",
          label: "How would you describe your relationship right now?",
          required: true,
          options: [
            { value: "married", label: "Married or in a civil partnership" },
            { value: "living_together", label: "Living together" },
            { value: "living_apart", label: "Together, living apart" },
            { value: "separating", label: "Separated or thinking about it" },
          ],
        },
        yesNo("has_children", "Do you have children?"),
        {
          id: "children_ages",
          kind: "short_text",
          label: "Their ages",
          help: "For example: 4, 18 months, expecting in May",
          required: true,
          showIf: { question: "has_children", in: [true] },
        },
      ],
    },
    {
      id: "now",
      title: "What brings you here",
      questions: [
        { id: "reason", kind: "long_text", label: "What made you reach out now?", required: true },
        { id: "hopes", kind: "long_text", label: "If our work together goes well, what will be different?", required: true },
        {
          id: "closeness",
          kind: "scale",
          label: "How connected do you feel to your partner these days?",
          required: true,
          minLabel: "0: not at all",
          maxLabel: "10: deeply",
        },
      ],
    },
    {
      id: "history",
      title: "Earlier support",
      questions: [
        yesNo("prior_therapy", "Have you seen a couples therapist together before?"),
        {
          id: "prior_therapy_notes",
          kind: "long_text",
          label: "What helped, and what did not?",
          required: false,
          showIf: { question: "prior_therapy", in: [true] },
        },
        yesNo("individual_therapy", "Are you seeing anyone for individual support at the moment?", false),
      ],
    },
    {
      id: "safety",
      title: "Your safety (private)",
      help: "We ask every partner this on their own. Your partner never sees this answer.",
      questions: [
        {
          id: "feels_safe",
          kind: "single_choice",
          label: "Do you ever feel afraid of your partner, or unsafe at home?",
          required: true,
          // Any answer but "No" reaches the clinician as a safety flag (lib/safety/).
          safety: { triggers: ["sometimes", "yes", "prefer_private"] },
          options: [
            { value: "no", label: "No" },
            { value: "sometimes", label: "Sometimes" },
            { value: "yes", label: "Yes" },
            { value: "prefer_private", label: "I would rather talk about this privately" },
          ],
        },
        {
          id: "safety_resources",
          kind: "notice",
          tone: "alert",
          required: false,
          label: SAFETY_RESOURCES_MESSAGE,
          showIf: { question: "feels_safe", in: ["sometimes", "yes", "prefer_private"] },
        },
      ],
    },
  ],
};

export const COACHING_INTAKE: FormDefinition = {
  title: "Coaching intake",
  description: "A few questions so your coach can make the most of your first session.",
  sections: [
    {
      id: "you",
      title: "About you",
      questions: [
        {
          id: "coming_as",
          kind: "single_choice",
          label: "Are you coming on your own or with a partner?",
          required: true,
          options: [
            { value: "solo", label: "On my own" },
            { value: "couple", label: "With my partner" },
          ],
        },
        yesNo("has_children", "Do you have children?"),
        { id: "children_ages", kind: "short_text", label: "Their ages", required: false, showIf: { question: "has_children", in: [true] } },
      ],
    },
    {
      id: "goals",
      title: "Your goals",
      questions: [
        {
          id: "focus",
          kind: "multiple_choice",
          label: "What would you like to work on?",
          required: true,
          options: [
            { value: "desire", label: "Desire and intimacy" },
            { value: "communication", label: "Talking without fighting" },
            { value: "mental_load", label: "Sharing the mental load" },
            { value: "time", label: "Time for us" },
            { value: "self", label: "Feeling like myself again" },
          ],
        },
        { id: "success", kind: "long_text", label: "Three months from now, what would tell you coaching was worth it?", required: true },
        {
          id: "commitment",
          kind: "likert",
          label: "How much time can you give to practice between sessions?",
          required: true,
          options: [
            { value: "little", label: "Very little" },
            { value: "some", label: "A few minutes most days" },
            { value: "regular", label: "Regular time each week" },
          ],
        },
      ],
    },
  ],
};

export const POSTPARTUM_INTAKE: FormDefinition = {
  title: "Postpartum pelvic-health intake",
  description: "This helps your physical therapist prepare for your evaluation. Answer what you are comfortable sharing; we can talk through the rest.",
  sections: [
    {
      id: "birth",
      title: "Your birth",
      questions: [
        { id: "weeks_postpartum", kind: "number", label: "How many weeks ago did you give birth?", required: true, min: 0, max: 520, integer: true, unit: "weeks" },
        {
          id: "delivery",
          kind: "single_choice",
          label: "Type of delivery",
          required: true,
          options: [
            { value: "vaginal", label: "Vaginal" },
            { value: "assisted", label: "Vaginal with forceps or vacuum" },
            { value: "planned_cesarean", label: "Planned cesarean" },
            { value: "unplanned_cesarean", label: "Unplanned cesarean" },
          ],
        },
        {
          id: "tearing",
          kind: "single_choice",
          label: "Did you have tearing or an episiotomy?",
          required: true,
          options: [
            { value: "none", label: "Neither" },
            { value: "first_second", label: "A first- or second-degree tear" },
            { value: "third_fourth", label: "A third- or fourth-degree tear" },
            { value: "episiotomy", label: "An episiotomy" },
            { value: "unsure", label: "I'm not sure" },
          ],
        },
      ],
    },
    {
      id: "symptoms",
      title: "Symptoms",
      questions: [
        yesNo("intercourse_resumed", "Have you tried penetrative sex since giving birth?"),
        {
          id: "intercourse_pain",
          kind: "scale",
          label: "Pain with intercourse",
          required: true,
          minLabel: "0: no pain",
          maxLabel: "10: worst pain imaginable",
          showIf: { question: "intercourse_resumed", in: [true] },
        },
        {
          id: "bladder",
          kind: "multiple_choice",
          label: "Bladder: anything you notice?",
          required: false,
          options: [
            { value: "leak_cough", label: "Leaking when I cough, sneeze or jump" },
            { value: "urgency", label: "Sudden urges, hard to hold" },
            { value: "frequency", label: "Going very often" },
            { value: "emptying", label: "Trouble emptying" },
          ],
        },
        {
          id: "bowel",
          kind: "multiple_choice",
          label: "Bowel: anything you notice?",
          required: false,
          options: [
            { value: "constipation", label: "Constipation or straining" },
            { value: "gas", label: "Trouble holding gas" },
            { value: "leak", label: "Leaking stool" },
          ],
        },
        { id: "heaviness", kind: "yes_no", label: "Do you feel heaviness or bulging in the vagina?", required: false },
      ],
    },
    {
      id: "feeding",
      title: "Feeding and daily life",
      questions: [
        {
          id: "feeding",
          kind: "single_choice",
          label: "How are you feeding your baby?",
          required: true,
          options: [
            { value: "breast", label: "Breast or chest feeding" },
            { value: "bottle", label: "Formula or bottle" },
            { value: "both", label: "Both" },
          ],
        },
        { id: "goals", kind: "long_text", label: "What would you most like to get back to?", required: false },
      ],
    },
  ],
};

export const INFORMED_CONSENT: FormDefinition = {
  title: "Informed consent",
  sections: [
    {
      id: "consent",
      title: "Working together",
      questions: [
        {
          id: "about",
          kind: "notice",
          tone: "info",
          required: false,
          label:
            "Sessions are confidential, with the limits the law sets: a risk of serious harm to you or someone else, suspected abuse of a child or vulnerable adult, or a court order. Your records are kept securely and you may ask to see them.",
        },
        {
          id: "no_secrets",
          kind: "notice",
          tone: "info",
          required: false,
          label:
            "When we work as a couple, the couple is the client. If one partner tells me something privately that bears on the work, I will not keep it from the other partner indefinitely; I will help you find a way to bring it into the room. Individual intake answers are not shared with your partner.",
        },
        {
          id: "signature",
          kind: "signature",
          required: true,
          label: "Your signature",
          agreement: "I have read this consent, including the couples no-secrets policy, and I agree to begin.",
        },
      ],
    },
  ],
};

export const CANCELLATION_POLICY: FormDefinition = {
  title: "Cancellation policy",
  sections: [
    {
      id: "policy",
      title: "Cancelling and rescheduling",
      questions: [
        {
          id: "policy_text",
          kind: "notice",
          tone: "info",
          required: false,
          label:
            "Your session time is held just for you. Please cancel or reschedule through your booking link at least 24 hours ahead. Later cancellations and missed sessions may be charged the fee shown when you booked.",
        },
        { id: "signature", kind: "signature", required: true, label: "Your signature", agreement: "I understand and accept the cancellation policy." },
      ],
    },
  ],
};

export const TELEHEALTH_CONSENT: FormDefinition = {
  title: "Telehealth consent",
  sections: [
    {
      id: "telehealth",
      title: "Online sessions",
      questions: [
        {
          id: "about",
          kind: "notice",
          tone: "info",
          required: false,
          label:
            "Online sessions use a private video room. Please join from somewhere you will not be overheard, on a connection you trust. If the call drops, we will try to reconnect and then call you by phone.",
        },
        { id: "location_state", kind: "short_text", label: "Where will you usually be during sessions (state or country)?", required: true },
        { id: "signature", kind: "signature", required: true, label: "Your signature", agreement: "I consent to receiving sessions by video." },
      ],
    },
  ],
};

/** Which forms a new practice of each kind starts with (measures are added for all). */
export const TEMPLATES_BY_KIND: Record<PracticeKind, TemplateFixture[]> = {
  couples_therapy: [
    { slug: "couples-intake", kind: "intake", definition: COUPLES_INTAKE },
    { slug: "informed-consent", kind: "consent", definition: INFORMED_CONSENT },
    { slug: "cancellation-policy", kind: "policy", definition: CANCELLATION_POLICY },
    { slug: "telehealth-consent", kind: "consent", definition: TELEHEALTH_CONSENT },
  ],
  coaching: [
    { slug: "coaching-intake", kind: "intake", definition: COACHING_INTAKE },
    { slug: "cancellation-policy", kind: "policy", definition: CANCELLATION_POLICY },
    { slug: "telehealth-consent", kind: "consent", definition: TELEHEALTH_CONSENT },
  ],
  pelvic_pt: [
    { slug: "postpartum-intake", kind: "intake", definition: POSTPARTUM_INTAKE },
    { slug: "informed-consent", kind: "consent", definition: INFORMED_CONSENT },
    { slug: "cancellation-policy", kind: "policy", definition: CANCELLATION_POLICY },
  ],
};

/** Each standard measure's template slug in a practice. */
export const MEASURE_SLUGS: Record<MeasureId, string> = {
  phq9: "phq-9",
  gad7: "gad-7",
  csi4: "csi-4",
  pain: "pain-rating",
  pfdi20: "pfdi-20",
  pfiq7: "pfiq-7",
  csi16: "csi-16",
  csi32: "csi-32",
};

const measures = (...ids: MeasureId[]) => ids.map((measure) => ({ slug: MEASURE_SLUGS[measure], measure }));

/** Measures per practice kind, with their slugs; any other is added from the forms page (lib/intake/add-measure.ts). */
export const MEASURES_BY_KIND: Record<PracticeKind, { slug: string; measure: MeasureId }[]> = {
  couples_therapy: measures("csi4", "csi16", "csi32", "phq9", "gad7"),
  coaching: measures("csi4", "gad7"),
  pelvic_pt: measures("pain", "pfdi20", "pfiq7", "phq9"),
};
