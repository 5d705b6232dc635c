import type { FormDefinition } from "../form-definition";
import { CSI16_DEFINITION, CSI32_DEFINITION, PFDI20_DEFINITION, PFIQ7_DEFINITION } from "./definitions-long";
import type { MeasureId } from "./types";

/**
 * The measures' item wording and response options as their authors publish
 * them (PHQ-9 and GAD-7: Spitzer, Williams, Kroenke et al., free to use;
 * CSI-4: Funk & Rogge 2007). Option values are the item scores.
 */

const frequency = [
  { value: "0", label: "Not at all" },
  { value: "1", label: "Several days" },
  { value: "2", label: "More than half the days" },
  { value: "3", label: "Nearly every day" },
];

const phq9Items = [
  "Little interest or pleasure in doing things",
  "Feeling down, depressed, or hopeless",
  "Trouble falling or staying asleep, or sleeping too much",
  "Feeling tired or having little energy",
  "Poor appetite or overeating",
  "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
  "Trouble concentrating on things, such as reading the newspaper or watching television",
  "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
  "Thoughts that you would be better off dead or of hurting yourself in some way",
];

const gad7Items = [
  "Feeling nervous, anxious or on edge",
  "Not being able to stop or control worrying",
  "Worrying too much about different things",
  "Trouble relaxing",
  "Being so restless that it is hard to sit still",
  "Becoming easily annoyed or irritable",
  "Feeling afraid as if something awful might happen",
];

export const MEASURE_DEFINITIONS: Record<MeasureId, FormDefinition> = {
  phq9: {
    title: "PHQ-9",
    description: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    sections: [
      {
        id: "items",
        title: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
        // Item 9 (thoughts of death or self-harm): any answer above "Not at all" raises a safety flag (lib/safety/).
        questions: phq9Items.map((label, i) => ({
          id: `q${i + 1}`,
          kind: "likert" as const,
          label,
          required: true,
          options: frequency,
          ...(i === 8 ? { safety: { triggers: ["1", "2", "3"] } } : {}),
        })),
      },
      {
        id: "difficulty",
        title: "Everyday life",
        questions: [
          {
            id: "difficulty",
            kind: "single_choice",
            required: false,
            label:
              "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
            options: [
              { value: "not", label: "Not difficult at all" },
              { value: "somewhat", label: "Somewhat difficult" },
              { value: "very", label: "Very difficult" },
              { value: "extremely", label: "Extremely difficult" },
            ],
          },
        ],
      },
    ],
  },
  gad7: {
    title: "GAD-7",
    description: "Over the last 2 weeks, how often have you been bothered by the following problems?",
    sections: [
      {
        id: "items",
        title: "Over the last 2 weeks, how often have you been bothered by the following problems?",
        questions: gad7Items.map((label, i) => ({ id: `q${i + 1}`, kind: "likert" as const, label, required: true, options: frequency })),
      },
    ],
  },
  csi4: {
    title: "Couples Satisfaction Index (CSI-4)",
    sections: [
      {
        id: "items",
        title: "Your relationship",
        questions: [
          {
            id: "q1",
            kind: "likert",
            required: true,
            label: "Please indicate the degree of happiness, all things considered, of your relationship.",
            options: ["Extremely Unhappy", "Fairly Unhappy", "A Little Unhappy", "Happy", "Very Happy", "Extremely Happy", "Perfect"].map((label, i) => ({
              value: String(i),
              label,
            })),
          },
          {
            id: "q2",
            kind: "likert",
            required: true,
            label: "I have a warm and comfortable relationship with my partner.",
            options: ["Not at all TRUE", "A little TRUE", "Somewhat TRUE", "Mostly TRUE", "Almost Completely TRUE", "Completely TRUE"].map((label, i) => ({
              value: String(i),
              label,
            })),
          },
          {
            id: "q3",
            kind: "likert",
            required: true,
            label: "How rewarding is your relationship with your partner?",
            options: ["Not at all", "A little", "Somewhat", "Mostly", "Almost Completely", "Completely"].map((label, i) => ({ value: String(i), label })),
          },
          {
            id: "q4",
            kind: "likert",
            required: true,
            label: "In general, how satisfied are you with your relationship?",
            options: ["Not at all", "A little", "Somewhat", "Mostly", "Almost Completely", "Completely"].map((label, i) => ({ value: String(i), label })),
          },
        ],
      },
    ],
  },
  pain: {
    title: "Pain rating",
    sections: [
      {
        id: "items",
        title: "Pain",
        questions: [
          {
            id: "pain",
            kind: "scale",
            required: true,
            label: "How much pain have you had over the past week, on average?",
            minLabel: "0: no pain",
            maxLabel: "10: worst pain imaginable",
          },
        ],
      },
    ],
  },
  pfdi20: PFDI20_DEFINITION,
  pfiq7: PFIQ7_DEFINITION,
  csi16: CSI16_DEFINITION,
  csi32: CSI32_DEFINITION,
};
