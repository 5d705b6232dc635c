/**
 * Renders an exercise's light markdown as text (never as HTML): numbered
 * lines ("1. …") become an ordered list, "- " lines a bulleted list, other
 * lines paragraphs.
 */
export function Instructions({ text }: { text: string }) {
  const blocks: { kind: "p" | "ol" | "ul"; lines: string[] }[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const kind = /^\d+[.)]\s/.test(line) ? "ol" : /^[-*]\s/.test(line) ? "ul" : "p";
    const content = kind === "ol" ? line.replace(/^\d+[.)]\s+/, "") : kind === "ul" ? line.replace(/^[-*]\s+/, "") : line;
    const last = blocks.at(-1);
    if (kind !== "p" && last?.kind === kind) last.lines.push(content);
    else blocks.push({ kind, lines: [content] });
  }
  return (
    <div className="space-y-3">
      {blocks.map((b, i) =>
        b.kind === "p" ? (
          <p key={i}>{b.lines[0]}</p>
        ) : b.kind === "ol" ? (
          <ol key={i} className="list-decimal space-y-2 pl-6">
            {b.lines.map((l, j) => (
              <li key={j}>{l}</li>
            ))}
          </ol>
        ) : (
          <ul key={i} className="list-disc space-y-2 pl-6">
            {b.lines.map((l, j) => (
              <li key={j}>{l}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
