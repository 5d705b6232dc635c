import { z } from "zod";

// Runs in the browser before the app's modules. zod 4 compiles object
// parsers with `new Function` when it may; under our CSP (no 'unsafe-eval',
// proxy.ts) even its probe for that is reported as a violation. Jitless
// parsing is the same validation, interpreted.
z.config({ jitless: true });
