"use client";

import { useForm, useWatch } from "react-hook-form";
import { visibleQuestionIds } from "@/lib/intake/answers";
import { isAnswerable, type FormDefinition } from "@/lib/intake/form-definition";
import { NoticeBlock, QuestionInput, type AnswerForm } from "./question-input";

/** The form as a client will see it, every section on one page; answers here go nowhere. */
export function FormPreview({ definition }: { definition: FormDefinition }) {
  const form = useForm<AnswerForm>({ defaultValues: {} });
  const values = useWatch({ control: form.control }) as AnswerForm;
  const visible = visibleQuestionIds(definition, values);
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{definition.title}</h2>
        {definition.description ? <p className="text-muted">{definition.description}</p> : null}
      </div>
      {definition.sections.map((s, i) => (
        <section key={s.id} className="space-y-4 rounded-md border border-line p-4">
          <h3 className="font-semibold">
            Screen {i + 1}: {s.title}
          </h3>
          {s.help ? <p className="text-muted">{s.help}</p> : null}
          {s.questions
            .filter((q) => visible.has(q.id))
            .map((q) =>
              isAnswerable(q) ? (
                <QuestionInput key={q.id} q={q} control={form.control} register={form.register} today="(today)" />
              ) : (
                <NoticeBlock key={q.id} q={q} />
              ),
            )}
        </section>
      ))}
    </div>
  );
}
