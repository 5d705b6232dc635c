import { visibleQuestionIds, type Answers } from "@/lib/intake/answers";
import { allQuestions, type FormDefinition } from "@/lib/intake/form-definition";

/**
 * The safety items a submitted response triggers, in the form's order: each
 * visible question marked `safety` whose answer is (or, for multiple choice,
 * includes) one of its triggers. Compared as text, the way show-if compares,
 * so "2" and 2 agree. Pure: the caller raises the flags.
 */
export function triggeredSafetyItems(definition: FormDefinition, answers: Answers): string[] {
  const visible = visibleQuestionIds(definition, answers);
  const triggered: string[] = [];
  for (const { question } of allQuestions(definition)) {
    if (!question.safety || !visible.has(question.id)) continue;
    const answer = answers[question.id];
    if (answer === undefined || answer === null || answer === "" || typeof answer === "object" && !Array.isArray(answer)) continue;
    const given = Array.isArray(answer) ? answer : [answer];
    if (given.some((v) => question.safety!.triggers.some((t) => String(t) === String(v)))) triggered.push(question.id);
  }
  return triggered;
}

/** The ids of a definition's safety items (to lift them to the top of a response). */
export function safetyItemIds(definition: FormDefinition): string[] {
  return allQuestions(definition)
    .filter(({ question }) => question.safety)
    .map(({ question }) => question.id);
}
