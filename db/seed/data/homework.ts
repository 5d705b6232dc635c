/** A little homework for the demo practices: who was given what, and the check-ins since (days relative to today). */
export interface DemoAssignment {
  practiceSlug: string;
  clinicianEmail: string;
  /** One client email, or the two of a couple. */
  clients: [string] | [string, string];
  program?: string;
  exercise?: string;
  mode: "individual" | "together" | "each_partner";
  startedDaysAgo: number;
  weeks: number;
  timesPerWeek?: number;
  note?: string;
  /** [days ago, client email, exercise key, ratings, reflection?, shared?] */
  checkIns: [number, string, string, Record<string, number>, string?, boolean?][];
}

const H = (name: string) => `${name}@harbor.demo.tandem.test`;
const M = (name: string) => `${name}@meadowbrook.demo.tandem.test`;
const K = (name: string) => `${name}@kindling.demo.tandem.test`;

export const DEMO_HOMEWORK: DemoAssignment[] = [
  {
    practiceSlug: "harbor-couples",
    clinicianEmail: H("therapist"),
    clients: [H("daniel.okafor"), H("priya.okafor")],
    program: "six-week-reconnection",
    mode: "each_partner",
    startedDaysAgo: 9,
    weeks: 6,
    note: "Small and often beats long and rare. Bring your notes on the pattern to our next session.",
    checkIns: [
      [9, H("daniel.okafor"), "six-second-hello", { closeness: 3, ease: 4 }],
      [8, H("daniel.okafor"), "six-second-hello", { closeness: 3, ease: 4 }, "Felt a bit forced at first, then nice.", true],
      [8, H("priya.okafor"), "six-second-hello", { closeness: 3, ease: 3 }],
      [7, H("priya.okafor"), "touch-without-agenda", { closeness: 4, comfort: 7, pain: 0 }, "Knowing it would not lead anywhere let me relax.", false],
      [5, H("daniel.okafor"), "touch-without-agenda", { closeness: 4, comfort: 8, pain: 0 }],
      [2, H("priya.okafor"), "name-the-dance", { closeness: 4, ease: 3 }, "We called it the chase. Naming it made us both laugh.", true],
      [1, H("daniel.okafor"), "ten-minute-check-in", { closeness: 4, ease: 4 }],
    ],
  },
  {
    practiceSlug: "harbor-couples",
    clinicianEmail: H("therapist"),
    clients: [H("hannah.brooks")],
    exercise: "recharge-menu",
    mode: "individual",
    startedDaysAgo: 12,
    weeks: 4,
    timesPerWeek: 3,
    checkIns: [
      [12, H("hannah.brooks"), "recharge-menu", { mood: 3 }],
      [10, H("hannah.brooks"), "recharge-menu", { mood: 4 }],
    ],
  },
  {
    practiceSlug: "meadowbrook-pelvic-health",
    clinicianEmail: M("pt"),
    clients: [M("emily.carter")],
    program: "postpartum-pelvic-floor-relaxation",
    mode: "individual",
    startedDaysAgo: 8,
    weeks: 4,
    checkIns: [
      [8, M("emily.carter"), "diaphragmatic-breathing", { ease: 3, pain: 2 }],
      [7, M("emily.carter"), "diaphragmatic-breathing", { ease: 3, pain: 2 }],
      [6, M("emily.carter"), "pelvic-body-scan", { comfort: 6, pain: 3 }],
      [5, M("emily.carter"), "diaphragmatic-breathing", { ease: 4, pain: 1 }],
      [1, M("emily.carter"), "pelvic-floor-down-training", { ease: 2, pain: 7, comfort: 3 }],
    ],
  },
  {
    practiceSlug: "kindling-coaching",
    clinicianEmail: K("coach"),
    clients: [K("tom.hargreaves"), K("amira.hargreaves")],
    program: "recharge-and-reconnect",
    mode: "together",
    startedDaysAgo: 3,
    weeks: 4,
    checkIns: [[2, K("amira.hargreaves"), "recharge-menu", { mood: 4 }]],
  },
];
