import type { Answers } from "@/lib/intake/answers";
import { formatAnswer } from "@/lib/intake/format-answer";
import { allQuestions, type FormDefinition } from "@/lib/intake/form-definition";

/** The flagged questions of a response with their answers as a reader sees them, to lift to the top of its page. */
export function liftedAnswers(definition: FormDefinition, answers: Answers, keys: ReadonlySet<string>): Map<string, { label: string; answer: string }> {
  const out = new Map<string, { label: string; answer: string }>();
  for (const { question } of allQuestions(definition)) {
    if (keys.has(question.id)) out.set(question.id, { label: question.label, answer: formatAnswer(question, answers[question.id]) });
  }
  return out;
}
