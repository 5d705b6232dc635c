import { requireClient } from "@/lib/auth/guards";
import { clientExerciseSheetPdf } from "@/lib/homework/exercise-sheets";
import { json } from "@/lib/http/json";

/** The client's own home-exercise sheet as a PDF; someone else's is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string; sheetId: string }> }) {
  const { clientId, sheetId } = await params;
  const scope = await requireClient(clientId);
  const bytes = await clientExerciseSheetPdf(scope, sheetId, new Date());
  if (!bytes) return json({ message: "Not found" }, 404);
  return new Response(Buffer.from(bytes), {
    headers: { "content-type": "application/pdf", "content-disposition": 'attachment; filename="home-exercise-sheet.pdf"', "cache-control": "no-store" },
  });
}
