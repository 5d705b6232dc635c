import type { AnswerValue, SignatureAnswer } from "./answers";
import type { Question } from "./form-definition";

/** An answer as a reader sees it: option labels, Yes/No, "7 / 10". */
export function formatAnswer(q: Question, value: AnswerValue | undefined): string {
  if (value === undefined || value === null || value === "") return "Not answered";
  switch (q.kind) {
    case "single_choice":
    case "likert":
      return q.options.find((o) => o.value === value)?.label ?? String(value);
    case "multiple_choice":
      return (value as string[]).map((v) => q.options.find((o) => o.value === v)?.label ?? v).join("; ");
    case "yes_no":
      return value ? "Yes" : "No";
    case "scale":
      return `${String(value)} / 10`;
    case "number":
      return q.unit ? `${String(value)} ${q.unit}` : String(value);
    case "signature": {
      const s = value as SignatureAnswer;
      return s.agreed ? `Signed: ${s.name}` : `Not signed (${s.name})`;
    }
    default:
      return String(value);
  }
}
