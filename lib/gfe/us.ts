/** Whether a practice's clients are owed Good Faith Estimates: the No Surprises Act is US law. Pure, so pages and the browser can ask. */
export function isUsPractice(p: { country: string }): boolean {
  return p.country === "US";
}
