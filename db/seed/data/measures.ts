import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";
import type { MeasureId } from "@/lib/intake/measures/types";

/**
 * Measures the demo clients answered in the weeks before the seeding day, so
 * each practice's charts have a recent series: days count back from the
 * seeding moment. PHQ-9 item 9 is always "Not at all" here, so no safety
 * flag is due (lib/safety/): the demo raises none.
 */
export interface DemoMeasure {
  practiceSlug: string;
  client: string;
  /** The practice's measure template (lib/intake/starter-templates.ts MEASURES_BY_KIND). */
  template: string;
  measure: MeasureId;
  /** [days before the seeding moment, answers by question id] */
  points: [number, Record<string, string>][];
}

const H = (who: string) => `${who}@harbor.demo.tandem.test`;
const K = (who: string) => `${who}@kindling.demo.tandem.test`;
const M = (who: string) => `${who}@meadowbrook.demo.tandem.test`;

/** CSI-4: the first item (0–6) and the same answer (0–5) to the other three. */
const csi = (q1: number, rest: number) => ({ q1: String(q1), q2: String(rest), q3: String(rest), q4: String(rest) });
/** PHQ-9 with the first n of items 1–8 at "Several days"; item 9 stays 0. */
const phq = (n: number) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`q${i + 1}`, String(i < n && i < 8 ? 1 : 0)]));
/** GAD-7 with the first n items at "Several days". */
const gad = (n: number) => Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`q${i + 1}`, String(i < n ? 1 : 0)]));
const pain = (n: number) => ({ pain: String(n) });

export const DEMO_MEASURES: DemoMeasure[] = [
  // Harbor: four weekly CSI-4s from each partner, two PHQ-9s from Daniel.
  { practiceSlug: DEMO_PRACTICE_SLUGS.couplesTherapy, client: H("daniel.okafor"), template: "csi-4", measure: "csi4", points: [[24, csi(2, 2)], [17, csi(3, 2)], [10, csi(3, 3)], [3, csi(4, 3)]] },
  { practiceSlug: DEMO_PRACTICE_SLUGS.couplesTherapy, client: H("priya.okafor"), template: "csi-4", measure: "csi4", points: [[24, csi(1, 2)], [17, csi(2, 2)], [10, csi(2, 3)], [3, csi(3, 3)]] },
  { practiceSlug: DEMO_PRACTICE_SLUGS.couplesTherapy, client: H("daniel.okafor"), template: "phq-9", measure: "phq9", points: [[24, phq(8)], [3, phq(5)]] },
  // Kindling: the couple's CSI-4 before and during coaching, Sophie's GAD-7.
  { practiceSlug: DEMO_PRACTICE_SLUGS.coaching, client: K("tom.hargreaves"), template: "csi-4", measure: "csi4", points: [[30, csi(2, 3)], [16, csi(3, 3)], [2, csi(3, 4)]] },
  { practiceSlug: DEMO_PRACTICE_SLUGS.coaching, client: K("amira.hargreaves"), template: "csi-4", measure: "csi4", points: [[30, csi(2, 2)], [16, csi(2, 3)], [2, csi(3, 3)]] },
  { practiceSlug: DEMO_PRACTICE_SLUGS.coaching, client: K("sophie.ashworth"), template: "gad-7", measure: "gad7", points: [[21, gad(6)], [7, gad(4)]] },
  // Meadowbrook: pain at each visit for Emily and Mei, one PHQ-9 from Aisha before her evaluation.
  { practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt, client: M("emily.carter"), template: "pain-rating", measure: "pain", points: [[42, pain(7)], [35, pain(6)], [28, pain(6)], [21, pain(5)], [14, pain(4)], [7, pain(3)]] },
  { practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt, client: M("mei.tanaka"), template: "pain-rating", measure: "pain", points: [[20, pain(5)], [8, pain(4)]] },
  { practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt, client: M("aisha.rahman"), template: "phq-9", measure: "phq9", points: [[2, phq(3)]] },
];
