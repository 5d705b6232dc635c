import { visibleQuestionIds, type Answers } from "@/lib/intake/answers";
import { formatAnswer } from "@/lib/intake/format-answer";
import { isAnswerable, type FormDefinition } from "@/lib/intake/form-definition";

/** A submitted response, question by question, in the version it answered. Prints cleanly. */
export function ResponseView({
  definition,
  answers,
  audience = "staff",
  highlight,
}: {
  definition: FormDefinition;
  answers: Answers;
  audience?: "staff" | "client";
  /** Staff only: the questions whose answers raised a safety flag, marked where they stand. */
  highlight?: ReadonlySet<string>;
}) {
  const visible = visibleQuestionIds(definition, answers);
  return (
    <div className="space-y-6 print:space-y-4">
      {definition.sections.map((section) => {
        const questions = section.questions.filter((q) => visible.has(q.id));
        if (questions.length === 0) return null;
        return (
          <section key={section.id} className="break-inside-avoid-page">
            <h2 className="mb-2 border-b border-line pb-1 text-lg font-semibold">{section.title}</h2>
            <dl className="space-y-3">
              {questions.map((q) =>
                isAnswerable(q) ? (
                  <div
                    key={q.id}
                    className={highlight?.has(q.id) ? "break-inside-avoid rounded-md border-2 border-danger bg-danger-soft px-3 py-2" : "break-inside-avoid"}
                    data-safety-flag={highlight?.has(q.id) ? "" : undefined}
                  >
                    <dt className="text-sm font-medium text-muted">
                      {highlight?.has(q.id) ? <span className="mr-2 font-semibold text-danger">Safety answer:</span> : null}
                      {q.label}
                    </dt>
                    <dd className="whitespace-pre-wrap break-words" data-question={q.id}>
                      {formatAnswer(q, answers[q.id])}
                    </dd>
                  </div>
                ) : q.tone === "alert" ? (
                  <div key={q.id} className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm">
                    <dt className="font-medium">{audience === "staff" ? "Shown to the client" : "Our message to you"}</dt>
                    <dd>{q.label}</dd>
                  </div>
                ) : null,
              )}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
