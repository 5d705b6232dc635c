import type { LibraryProgram } from "./types";

export const LIBRARY_PROGRAMS: LibraryProgram[] = [
  {
    key: "six-week-reconnection",
    title: "Six-week reconnection for couples",
    summary:
      "A gradual plan for couples who feel like housemates: a daily ritual and touch with no agenda first, then talking and naming your pattern, softer requests, the two of you outside parent roles, and a weekly check-in to keep it going.",
    audience: "couple_together",
    weeks: 6,
    items: [
      { week: 1, exercise: "six-second-hello", timesPerWeek: 7 },
      { week: 1, exercise: "touch-without-agenda", timesPerWeek: 2 },
      { week: 2, exercise: "ten-minute-check-in", timesPerWeek: 4 },
      { week: 2, exercise: "name-the-dance", timesPerWeek: 1 },
      { week: 3, exercise: "i-miss-you-not-complaint", timesPerWeek: 3 },
      { week: 3, exercise: "touch-without-agenda", timesPerWeek: 2 },
      { week: 4, exercise: "accelerators-and-brakes", timesPerWeek: 1 },
      { week: 4, exercise: "hug-until-relaxed", timesPerWeek: 5 },
      { week: 5, exercise: "magic-circle", timesPerWeek: 2 },
      { week: 5, exercise: "at-home-date", timesPerWeek: 1 },
      { week: 6, exercise: "state-of-us", timesPerWeek: 1 },
      { week: 6, exercise: "building-touch", timesPerWeek: 2 },
    ],
  },
  {
    key: "postpartum-pelvic-floor-relaxation",
    title: "Four-week postpartum pelvic-floor relaxation",
    summary:
      "A home program after a postpartum pelvic-health assessment: breathing and awareness first, then down-training, then a graded return to comfortable touch, on your own and, if you wish, with a partner.",
    audience: "individual",
    weeks: 4,
    items: [
      { week: 1, exercise: "diaphragmatic-breathing", timesPerWeek: 7 },
      { week: 1, exercise: "pelvic-body-scan", timesPerWeek: 3 },
      { week: 2, exercise: "diaphragmatic-breathing", timesPerWeek: 5 },
      { week: 2, exercise: "pelvic-floor-down-training", timesPerWeek: 5 },
      { week: 3, exercise: "pelvic-floor-down-training", timesPerWeek: 5 },
      { week: 3, exercise: "graded-self-touch", timesPerWeek: 3 },
      { week: 4, exercise: "pelvic-floor-down-training", timesPerWeek: 4 },
      { week: 4, exercise: "graded-self-touch", timesPerWeek: 3 },
    ],
  },
  {
    key: "recharge-and-reconnect",
    title: "Recharge and reconnect",
    summary:
      "A four-week coaching plan: refill each partner's energy, share the invisible load more fairly, then use the space that frees up for the two of you.",
    audience: "couple_together",
    weeks: 4,
    items: [
      { week: 1, exercise: "recharge-menu", timesPerWeek: 3 },
      { week: 1, exercise: "invisible-tasks-list", timesPerWeek: 1 },
      { week: 2, exercise: "ownership-not-help", timesPerWeek: 1 },
      { week: 2, exercise: "trade-a-solo-hour", timesPerWeek: 1 },
      { week: 3, exercise: "tea-after-lights-out", timesPerWeek: 3 },
      { week: 3, exercise: "responsive-desire", timesPerWeek: 1 },
      { week: 4, exercise: "weekly-handover", timesPerWeek: 1 },
      { week: 4, exercise: "plan-a-date", timesPerWeek: 1 },
    ],
  },
];
