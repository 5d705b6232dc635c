import type { NextRequest } from "next/server";
import { requireMember } from "@/lib/auth/guards";
import { sheetSelectionSchema, staffExerciseSheetPdf } from "@/lib/homework/exercise-sheets";
import { json } from "@/lib/http/json";

/** Staff: the home-exercise sheet of the chosen assignments (`?a=<id>&a=<id>`), inline to print. Audited as a clinical read. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ practice: string; clientId: string }> }) {
  const { practice, clientId } = await params;
  const scope = await requireMember(practice, "clinical.read");
  const parsed = sheetSelectionSchema.safeParse(request.nextUrl.searchParams.getAll("a"));
  if (!parsed.success) return json({ errors: { assignments: [parsed.error.issues[0]?.message ?? "Choose homework for the sheet"] } }, 400);
  const bytes = await staffExerciseSheetPdf(scope, clientId, parsed.data, new Date());
  if (!bytes) return json({ message: "Not found" }, 404);
  return new Response(Buffer.from(bytes), {
    headers: { "content-type": "application/pdf", "content-disposition": 'inline; filename="home-exercise-sheet.pdf"', "cache-control": "no-store" },
  });
}
