// Runs once when a Next.js server starts, before it takes requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareDatabase } = await import("./db/boot");
    await prepareDatabase();
  }
}
