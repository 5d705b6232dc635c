import type { FormDefinition, Question } from "../form-definition";
import { CSI16_ITEMS, CSI32_ITEMS, CSI_SECTION_TITLES, csiOptionScore, type CsiItem } from "./csi-items";
import { PFDI20_SCALES } from "./score-pfdi20";
import { PFIQ7_SCALES } from "./score-pfiq7";

/**
 * The PFDI-20 and PFIQ-7 (Barber, Walters & Bump 2005) and the CSI-16 and
 * CSI-32 (Funk & Rogge 2007) with their published wording; the sources and
 * what we were unsure of are in docs/decisions/0049. Option values are the
 * item scores.
 */

const PFDI20_ITEM_LABELS: Record<string, string> = {
  q1: "Do you usually experience pressure in the lower abdomen?",
  q2: "Do you usually experience heaviness or dullness in the pelvic area?",
  q3: "Do you usually have a bulge or something falling out that you can see or feel in your vaginal area?",
  q4: "Do you ever have to push on the vagina or around the rectum to have or complete a bowel movement?",
  q5: "Do you usually experience a feeling of incomplete bladder emptying?",
  q6: "Do you ever have to push up on a bulge in the vaginal area with your fingers to start or complete urination?",
  q7: "Do you feel you need to strain too hard to have a bowel movement?",
  q8: "Do you feel you have not completely emptied your bowels at the end of a bowel movement?",
  q9: "Do you usually lose stool beyond your control if your stool is well formed?",
  q10: "Do you usually lose stool beyond your control if your stool is loose?",
  q11: "Do you usually lose gas from the rectum beyond your control?",
  q12: "Do you usually have pain when you pass your stool?",
  q13: "Do you experience a strong sense of urgency and have to rush to the bathroom to have a bowel movement?",
  q14: "Does part of your bowel ever pass through the rectum and bulge outside during or after a bowel movement?",
  q15: "Do you usually experience frequent urination?",
  q16: "Do you usually experience urine leakage associated with a feeling of urgency, that is, a strong sensation of needing to go to the bathroom?",
  q17: "Do you usually experience urine leakage related to coughing, sneezing, or laughing?",
  q18: "Do you usually experience small amounts of urine leakage (that is, drops)?",
  q19: "Do you usually experience difficulty emptying your bladder?",
  q20: "Do you usually experience pain or discomfort in the lower abdomen or genital region?",
};

/** "No" scores 0; "Yes" is followed by how much it bothers you, 1–4. */
const PFDI20_OPTIONS = [
  { value: "0", label: "No" },
  { value: "1", label: "Yes, and it bothers me not at all" },
  { value: "2", label: "Yes, and it bothers me somewhat" },
  { value: "3", label: "Yes, and it bothers me moderately" },
  { value: "4", label: "Yes, and it bothers me quite a bit" },
];

const PFDI20_SECTION_TITLES: Record<string, string> = {
  popdi6: "Pelvic Organ Prolapse Distress Inventory 6",
  cradi8: "Colorectal-Anal Distress Inventory 8",
  udi6: "Urinary Distress Inventory 6",
};

const PFIQ7_ITEM_LABELS = [
  "Ability to do household chores (cooking, housecleaning, laundry)?",
  "Ability to do physical activities such as walking, swimming, or other exercise?",
  "Entertainment activities such as going to a movie or concert?",
  "Ability to travel by car or bus for a distance greater than 30 minutes away from home?",
  "Participating in social activities outside your home?",
  "Emotional health (nervousness, depression, etc.)?",
  "Feeling frustrated?",
];

const PFIQ7_AREAS: Record<string, string> = { uiq7: "Bladder or urine", craiq7: "Bowel or rectum", popiq7: "Vagina or pelvis" };

const PFIQ7_OPTIONS = ["Not at all", "Somewhat", "Moderately", "Quite a bit"].map((label, i) => ({ value: String(i), label }));

export const PFDI20_DEFINITION: FormDefinition = {
  title: "Pelvic Floor Distress Inventory (PFDI-20)",
  description:
    "Please answer all of the questions in the following survey. These questions will ask you if you have certain bowel, bladder, or pelvic symptoms and, if you do, how much they bother you. While answering these questions, please consider your symptoms over the last 3 months.",
  // Printed order: POPDI-6 (items 1–6), CRADI-8 (7–14), UDI-6 (15–20).
  sections: [...PFDI20_SCALES].reverse().map((scale) => ({
    id: scale.key,
    title: PFDI20_SECTION_TITLES[scale.key]!,
    questions: scale.itemIds.map((id) => ({ id, kind: "likert" as const, label: PFDI20_ITEM_LABELS[id]!, required: true, options: PFDI20_OPTIONS })),
  })),
};

export const PFIQ7_DEFINITION: FormDefinition = {
  title: "Pelvic Floor Impact Questionnaire (PFIQ-7)",
  description:
    "Some women find that bladder, bowel, or vaginal symptoms affect their activities, relationships, and feelings. For each question, choose the response that best describes how much your activities, relationships, or feelings have been affected by your bladder, bowel, or vaginal symptoms or conditions over the last 3 months. Please answer each question for all three areas.",
  sections: PFIQ7_SCALES.map((scale) => ({
    id: scale.key,
    title: `${PFIQ7_AREAS[scale.key]}: how do symptoms or conditions related to your ${PFIQ7_AREAS[scale.key]!.toLowerCase()} usually affect your…`,
    questions: scale.itemIds.map((id, i) => ({ id, kind: "likert" as const, label: PFIQ7_ITEM_LABELS[i]!, required: true, options: PFIQ7_OPTIONS })),
  })),
};

function csiDefinition(title: string, items: readonly CsiItem[]): FormDefinition {
  const sections: { id: string; title: string; questions: Question[] }[] = [];
  items.forEach((item, i) => {
    const question: Question = {
      id: `q${i + 1}`,
      kind: "likert",
      label: item.label,
      required: true,
      ...(item.help ? { help: item.help } : {}),
      options: item.options.map((label, position) => ({ value: String(csiOptionScore(item, position)), label })),
    };
    const last = sections.at(-1);
    if (last?.id === item.section) last.questions.push(question);
    else sections.push({ id: item.section, title: CSI_SECTION_TITLES[item.section], questions: [question] });
  });
  return { title, sections };
}

export const CSI16_DEFINITION: FormDefinition = csiDefinition("Couples Satisfaction Index (CSI-16)", CSI16_ITEMS);
export const CSI32_DEFINITION: FormDefinition = csiDefinition("Couples Satisfaction Index (CSI-32)", CSI32_ITEMS);
