import { describe, expect, test } from "vitest";
import { lineProgress, peopleForGoal, planProgress, type PlanPerson, type ScoreInput } from "@/lib/plans/progress";
import { planContentSchema, toContent, toFormValues, type PlanGoal } from "@/lib/plans/schema";

const ANA: PlanPerson = { clientId: "a", name: "Ana Reyes", role: "client" };
const BEN: PlanPerson = { clientId: "b", name: "Ben Okafor", role: "partner" };
const day = (d: string) => new Date(`${d}T12:00:00Z`);
const score = (clientId: string, measure: string, d: string, total: number | null): ScoreInput => ({ clientId, measure, at: day(d), total });

function goal(measure: PlanGoal["measure"]): PlanGoal {
  return { text: "goal", objectives: [], interventions: "", measure };
}

describe("plan progress", () => {
  test("pain NRS at most 3: met once the latest rating is 3 or less, not before", () => {
    const g = goal({ measureKey: "pain", comparator: "at_most", target: 3, who: "client", byDate: "2031-06-01" });
    const scores = [score("a", "pain", "2031-01-05", 7), score("a", "pain", "2031-02-05", 4)];
    const [before] = planProgress([g], [ANA], scores, "2031-03-01");
    expect(before).toMatchObject({ status: "not_yet", lines: [{ baseline: 7, latest: 4, targetValue: 3, met: false }] });
    const [after] = planProgress([g], [ANA], [...scores, score("a", "pain", "2031-03-05", 3)], "2031-03-10");
    expect(after).toMatchObject({ status: "met", lines: [{ latest: 3, met: true }] });
    expect(after!.lines[0]!.points.map((p) => p.total)).toEqual([7, 4, 3]);
    // 4 is not at most 3, and a past "by" date makes it overdue.
    const [late] = planProgress([g], [ANA], scores, "2031-06-02");
    expect(late!.status).toBe("overdue");
  });

  test("CSI-4 at least 13.5 for both partners: met only when each partner's latest is at or above it", () => {
    const g = goal({ measureKey: "csi4", comparator: "at_least", target: 13.5, who: "both", byDate: null });
    const scores = [score("a", "csi4", "2031-01-05", 10), score("b", "csi4", "2031-01-06", 12), score("a", "csi4", "2031-03-05", 15), score("b", "csi4", "2031-03-06", 13)];
    const [one] = planProgress([g], [ANA, BEN], scores, "2031-03-10");
    expect(one!.lines.map((l) => [l.name, l.latest, l.met])).toEqual([
      ["Ana Reyes", 15, true],
      ["Ben Okafor", 13, false],
    ]);
    expect(one!.status).toBe("not_yet");
    const [both] = planProgress([g], [ANA, BEN], [...scores, score("b", "csi4", "2031-04-01", 14)], "2031-04-02");
    expect(both!.status).toBe("met");
    // Exactly the cut-off counts as at least.
    expect(lineProgress("at_least", 13.5, [{ at: day("2031-01-01"), total: 13.5 }]).met).toBe(true);
  });

  test("PFDI-20 down by 20 % from the first score", () => {
    const g = goal({ measureKey: "pfdi20", comparator: "drop_pct", target: 20, who: "client", byDate: null });
    const [p1] = planProgress([g], [ANA], [score("a", "pfdi20", "2031-01-01", 150)], "2031-01-02");
    // One score is the baseline, never a drop.
    expect(p1!.lines[0]).toMatchObject({ baseline: 150, targetValue: 120, met: false });
    const [p2] = planProgress([g], [ANA], [score("a", "pfdi20", "2031-01-01", 150), score("a", "pfdi20", "2031-02-01", 121)], "2031-02-02");
    expect(p2!.lines[0]!.met).toBe(false);
    const [p3] = planProgress([g], [ANA], [score("a", "pfdi20", "2031-01-01", 150), score("a", "pfdi20", "2031-02-01", 120)], "2031-02-02");
    expect(p3).toMatchObject({ status: "met", lines: [{ targetValue: 120, met: true }] });
    // The order of the input does not matter: the earliest score is the baseline.
    const [p4] = planProgress([g], [ANA], [score("a", "pfdi20", "2031-02-01", 120), score("a", "pfdi20", "2031-01-01", 150)], "2031-02-02");
    expect(p4!.lines[0]).toMatchObject({ baseline: 150, latest: 120, met: true });
  });

  test("unscored responses, other measures and other people are left out; a goal without scores says so", () => {
    const g = goal({ measureKey: "phq9", comparator: "at_most", target: 4, who: "client", byDate: "2031-01-01" });
    const scores = [score("a", "phq9", "2031-01-01", null), score("a", "gad7", "2031-01-01", 2), score("b", "phq9", "2031-01-01", 1)];
    const [p] = planProgress([g, goal(null)], [ANA, BEN], scores, "2031-05-01");
    expect(p).toMatchObject({ goalIndex: 0, status: "no_scores", lines: [{ clientId: "a", points: [], met: false }] });
    expect(planProgress([goal(null)], [ANA], scores, "2031-05-01")).toEqual([]);
  });

  test("on a plan for one client every goal reads that client, whatever `who` says", () => {
    const g = goal({ measureKey: "csi4", comparator: "at_least", target: 13.5, who: "both", byDate: null });
    expect(peopleForGoal(g, [ANA]).map((p) => p.clientId)).toEqual(["a"]);
    expect(peopleForGoal({ ...g, measure: { ...g.measure!, who: "partner" } }, [ANA, BEN]).map((p) => p.clientId)).toEqual(["b"]);
  });
});

describe("the plan form's schema", () => {
  const valid = {
    presentingConcerns: "Pain with intercourse since the birth",
    diagnoses: "n94.10, O90.89",
    interventions: "Manual therapy",
    reviewDate: "2031-04-01",
    goals: [
      {
        text: "Comfortable intercourse",
        interventions: "Down-training",
        objectives: [{ text: "Daily breathing", targetDate: "2031-03-01" }],
        measure: { measureKey: "pain", comparator: "at_most", target: "3", who: "client", byDate: "" },
      },
      { text: "Return to running", interventions: "", objectives: [], measure: { measureKey: "", comparator: "at_most", target: "", who: "client", byDate: "" } },
    ],
  };

  test("parses, stores and comes back to the form unchanged in meaning", () => {
    const parsed = planContentSchema.parse(valid);
    const { content, reviewDate } = toContent(parsed);
    expect(content.diagnoses).toEqual(["N94.10", "O90.89"]);
    expect(content.goals[0]!.measure).toEqual({ measureKey: "pain", comparator: "at_most", target: 3, who: "client", byDate: null });
    expect(content.goals[1]!.measure).toBeNull();
    const back = toFormValues(content, reviewDate);
    expect(toContent(planContentSchema.parse(back))).toEqual({ content, reviewDate });
  });

  test("names the field that is wrong", () => {
    const bad = planContentSchema.safeParse({
      ...valid,
      diagnoses: "banana",
      reviewDate: "2031-02-30",
      goals: [{ ...valid.goals[0]!, text: "", measure: { measureKey: "pain", comparator: "at_most", target: "11", who: "client", byDate: "" } }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["diagnoses.0", "reviewDate", "goals.0.text", "goals.0.measure.target"]));
    const drop = planContentSchema.safeParse({ ...valid, goals: [{ ...valid.goals[0]!, measure: { measureKey: "pfdi20", comparator: "drop_pct", target: "0", who: "client", byDate: "" } }] });
    expect(drop.error!.issues[0]!.message).toBe("Target: a drop between 1 and 100 %");
    expect(planContentSchema.safeParse({ ...valid, goals: [] }).error!.issues[0]!.path).toEqual(["goals"]);
  });
});
