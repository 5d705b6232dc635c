/**
 * Polls `url` until it answers 200 and returns the body: for specs that start
 * their own servers (two-checkouts, standalone), whose start-up gives no event
 * to await.
 */
export async function waitFor200(url: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return await res.text();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
