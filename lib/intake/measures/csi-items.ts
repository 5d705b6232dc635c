/**
 * The CSI-32 as Funk & Rogge (2007) publish it, item by item in the
 * published order, with the CSI-16's items marked. Options are listed in
 * the printed order; `keyed: "down"` marks the items whose first printed
 * option scores highest (the agreement items, "things are going well", the
 * two "second thoughts" statements and the semantic differentials whose
 * positive word is printed first), so the option's stored value is always
 * its item score. Item 1 scores 0–6, every other item 0–5.
 */

export interface CsiItem {
  label: string;
  /** Printed order, first to last. */
  options: readonly string[];
  keyed: "up" | "down";
  /** Shown under the question (the semantic differentials' boxes). */
  help?: string;
  section: "happiness" | "agreement" | "frequency" | "truth" | "degree" | "compared" | "enjoyment" | "feelings";
  inCsi16: boolean;
}

const HAPPINESS = ["Extremely Unhappy", "Fairly Unhappy", "A Little Unhappy", "Happy", "Very Happy", "Extremely Happy", "Perfect"];
const AGREEMENT = ["Always Agree", "Almost Always Agree", "Occasionally Disagree", "Frequently Disagree", "Almost Always Disagree", "Always Disagree"];
const FREQUENCY = ["All the time", "Most of the time", "More often than not", "Occasionally", "Rarely", "Never"];
const TRUTH = ["Not at all TRUE", "A little TRUE", "Somewhat TRUE", "Mostly TRUE", "Almost Completely TRUE", "Completely TRUE"];
const DEGREE = ["Not at all", "A little", "Somewhat", "Mostly", "Almost Completely", "Completely"];
const COMPARED = ["Worse than all others (Extremely bad)", "2", "3", "4", "5", "Better than all others (Extremely good)"];
const ENJOYMENT = ["Never", "Less than once a month", "Once or twice a month", "Once or twice a week", "Once a day", "More often"];

/** A semantic differential: six boxes between two words, only the words printed. */
function differential(left: string, right: string, keyed: "up" | "down", inCsi16: boolean): CsiItem {
  return {
    label: `${left} – ${right}`,
    options: [`1 (${left.toLowerCase()})`, "2", "3", "4", "5", `6 (${right.toLowerCase()})`],
    keyed,
    help: `Choose one of the six boxes, from ${left.toLowerCase()} to ${right.toLowerCase()}, by your first impression of your relationship.`,
    section: "feelings",
    inCsi16,
  };
}

const truth = (label: string, inCsi16: boolean, keyed: "up" | "down" = "up"): CsiItem => ({ label, options: TRUTH, keyed, section: "truth", inCsi16 });
const degree = (label: string): CsiItem => ({ label, options: DEGREE, keyed: "up", section: "degree", inCsi16: true });
const agreement = (label: string): CsiItem => ({ label, options: AGREEMENT, keyed: "down", section: "agreement", inCsi16: false });
const enjoyment = (label: string): CsiItem => ({ label, options: ENJOYMENT, keyed: "up", section: "enjoyment", inCsi16: false });

export const CSI32_ITEMS: readonly CsiItem[] = [
  { label: "Please indicate the degree of happiness, all things considered, of your relationship.", options: HAPPINESS, keyed: "up", section: "happiness", inCsi16: true },
  agreement("Amount of time spent together"),
  agreement("Making major decisions"),
  agreement("Demonstrations of affection"),
  { label: "In general, how often do you think that things between you and your partner are going well?", options: FREQUENCY, keyed: "down", section: "frequency", inCsi16: true },
  { label: "How often do you wish you hadn't gotten into this relationship?", options: FREQUENCY, keyed: "up", section: "frequency", inCsi16: false },
  truth("I still feel a strong connection with my partner", false),
  truth("If I had my life to live over, I would marry (or live with / date) the same person", false),
  truth("Our relationship is strong", true),
  truth("I sometimes wonder if there is someone else out there for me", false, "down"),
  truth("My relationship with my partner makes me happy", true),
  truth("I have a warm and comfortable relationship with my partner", true),
  truth("I can't imagine ending my relationship with my partner", false),
  truth("I feel that I can confide in my partner about virtually anything", false),
  truth("I have had second thoughts about this relationship recently", false, "down"),
  truth("For me, my partner is the perfect romantic partner", false),
  truth("I really feel like part of a team with my partner", true),
  truth("I cannot imagine another person making me as happy as my partner does", false),
  degree("How rewarding is your relationship with your partner?"),
  degree("How well does your partner meet your needs?"),
  degree("To what extent has your relationship met your original expectations?"),
  degree("In general, how satisfied are you with your relationship?"),
  { label: "How good is your relationship compared to most?", options: COMPARED, keyed: "up", section: "compared", inCsi16: false },
  enjoyment("Do you enjoy your partner's company?"),
  enjoyment("How often do you and your partner have fun together?"),
  differential("Interesting", "Boring", "down", true),
  differential("Bad", "Good", "up", true),
  differential("Full", "Empty", "down", true),
  differential("Lonely", "Friendly", "up", false),
  differential("Sturdy", "Fragile", "down", true),
  differential("Discouraging", "Hopeful", "up", true),
  differential("Enjoyable", "Miserable", "down", true),
];

export const CSI16_ITEMS: readonly CsiItem[] = CSI32_ITEMS.filter((i) => i.inCsi16);

/** An item's highest score: 6 for the happiness item, 5 for the rest. */
export function csiItemMax(item: CsiItem): number {
  return item.options.length - 1;
}

/** The stored value (the item score) of the option printed at `position`. */
export function csiOptionScore(item: CsiItem, position: number): number {
  return item.keyed === "up" ? position : csiItemMax(item) - position;
}

export const CSI_SECTION_TITLES: Record<CsiItem["section"], string> = {
  happiness: "Your relationship",
  agreement:
    "Most people have disagreements in their relationships. Please indicate below the approximate extent of agreement or disagreement between you and your partner for each item on the following list.",
  frequency: "How often",
  truth: "Please indicate how true each of these statements is for you",
  degree: "Your relationship with your partner",
  compared: "Compared to most",
  enjoyment: "Time together",
  feelings:
    "For each of the following items, select the answer that best describes how you feel about your relationship. Base your responses on your first impressions and immediate feelings about the item.",
};
