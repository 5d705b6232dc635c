import { describe, expect, it } from "vitest";
import { addBusinessDays, businessDaysBetween, federalHolidays, isBusinessDay } from "@/lib/gfe/business-days";
import { dueBy } from "@/lib/gfe/deadline";

const NY = "America/New_York";
const LA = "America/Los_Angeles";
/** 09:00 on a local date in a zone, as an instant. */
const at = (date: string, zone: string, time = "09:00") => new Date(`${date}T${time}:00${offset(date, zone)}`);
function offset(date: string, zone: string): string {
  // Eastern / Pacific in December are standard time; in June/July daylight time.
  const summer = Number(date.slice(5, 7)) >= 4 && Number(date.slice(5, 7)) <= 10;
  if (zone === NY) return summer ? "-04:00" : "-05:00";
  return summer ? "-07:00" : "-08:00";
}

describe("federal business days", () => {
  it("knows the observed federal holidays", () => {
    const h2026 = federalHolidays(2026);
    for (const d of ["2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"]) {
      expect(h2026.has(d), d).toBe(true);
    }
    // 4 July 2026 is a Saturday: observed Friday 3 July, and the Saturday is a weekend day anyway.
    expect(isBusinessDay("2026-07-03")).toBe(false);
    // 1 January 2028 is a Saturday: observed Friday 31 December 2027.
    expect(isBusinessDay("2027-12-31")).toBe(false);
    // 11 November 2029 is a Sunday: observed Monday 12 November.
    expect(isBusinessDay("2029-11-12")).toBe(false);
    expect(isBusinessDay("2026-12-05")).toBe(false); // Saturday
    expect(isBusinessDay("2026-12-03")).toBe(true);
  });

  it("counts business days after a date, skipping weekends and holidays", () => {
    expect(addBusinessDays("2026-12-03", 1)).toBe("2026-12-04"); // Thu -> Fri
    expect(addBusinessDays("2026-12-04", 1)).toBe("2026-12-07"); // Fri -> Mon
    expect(addBusinessDays("2026-11-25", 1)).toBe("2026-11-27"); // over Thanksgiving
    expect(addBusinessDays("2026-12-23", 3)).toBe("2026-12-29"); // over Christmas and a weekend
    expect(businessDaysBetween("2026-12-03", "2026-12-08")).toBe(3); // Fri, Mon, Tue
    expect(businessDaysBetween("2026-12-03", "2026-12-03")).toBe(0);
    expect(businessDaysBetween("2026-12-08", "2026-12-03")).toBe(0);
  });
});

describe("dueBy", () => {
  it("at least 3 business days away: within 1 business day of scheduling, at midnight in the practice's zone", () => {
    const now = at("2026-12-03", NY); // Thursday
    const d = dueBy(at("2026-12-08", NY, "15:00"), now, NY); // Tuesday: Fri, Mon, Tue = 3
    expect(d).toEqual({ dueBy: new Date("2026-12-05T05:00:00Z"), required: true, businessDaysAway: 3 });
  });

  it("scheduled on a Friday, at least 3 days away: due at the end of Monday", () => {
    const now = at("2026-12-04", LA);
    expect(dueBy(at("2026-12-10", LA), now, LA).dueBy).toEqual(new Date("2026-12-08T08:00:00Z"));
  });

  it("9 business days away is still the 1-business-day rule; 10 is the 3-business-day rule", () => {
    const now = at("2026-12-01", NY); // Tuesday
    const nine = dueBy(at("2026-12-14", NY), now, NY); // Wed..Mon: 2,3,4,7,8,9,10,11,14 = 9
    expect(nine.businessDaysAway).toBe(9);
    expect(nine.dueBy).toEqual(new Date("2026-12-03T05:00:00Z"));
    const ten = dueBy(at("2026-12-15", NY), now, NY);
    expect(ten.businessDaysAway).toBe(10);
    // Wed 2, Thu 3, Fri 4: due by the end of Friday.
    expect(ten).toMatchObject({ required: true, dueBy: new Date("2026-12-05T05:00:00Z") });
  });

  it("a request: within 3 business days, holidays skipped", () => {
    const now = at("2026-11-24", NY); // Tuesday before Thanksgiving
    // Wed 25, (Thu 26 holiday), Fri 27, Mon 30.
    expect(dueBy(null, now, NY)).toEqual({ dueBy: new Date("2026-12-01T05:00:00Z"), required: true, businessDaysAway: null });
  });

  it("under 3 business days away: not required, still issued, due before the session", () => {
    const now = at("2026-12-03", NY); // Thursday
    const tomorrow = at("2026-12-04", NY, "08:00");
    expect(dueBy(tomorrow, now, NY)).toEqual({ dueBy: tomorrow, required: false, businessDaysAway: 1 });
    const monday = at("2026-12-07", NY);
    expect(dueBy(monday, now, NY)).toMatchObject({ required: false, businessDaysAway: 2, dueBy: new Date("2026-12-05T05:00:00Z") });
  });

  it("counts in the practice's zone: late evening in Los Angeles is already the next day in UTC", () => {
    // 23:30 Thursday in LA is Friday 07:30 UTC; the rule still counts from Thursday.
    const now = at("2026-12-03", LA, "23:30");
    expect(dueBy(at("2026-12-08", LA), now, LA)).toMatchObject({ businessDaysAway: 3, dueBy: new Date("2026-12-05T08:00:00Z") });
  });
});
