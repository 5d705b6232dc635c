import PgBoss from "pg-boss";
import { sweepEvents } from "@/lib/events/seats";
import { directDatabaseUrl } from "@/db/client";
import { safeErrorText } from "@/lib/db/pg-error";
import { log } from "@/lib/log/logger";
import { releasePaymentHolds, reconcilePayments } from "@/lib/billing/jobs";
import { sendBillingNotifications } from "@/lib/billing/notifications";
import { runAppointmentEvents } from "./appointment-events";
import { expireHolds } from "./expire-holds";
import { sendFormReminders } from "./send-form-reminders";
import { sendHomeworkDigest } from "./send-homework-digest";
import { sendHomeworkReminders } from "./send-homework-reminders";
import { sendReminders } from "./send-reminders";
import { sweepLimits } from "./sweep-limits";
import { sendSafetyNotifications } from "@/lib/safety/notify";
import { sendStaffNotificationEmails } from "@/lib/notifications/send-emails";
import { runPendingExports } from "@/lib/export/practice-export";
import { runWaitlist } from "@/lib/waitlist/offer-job";
import { sendMessageDigest } from "@/lib/messaging/notify";
import { remindPlanReviews } from "@/lib/plans/review-reminders";
import { deliverGfes } from "@/lib/gfe/deliver";
import { deliverProductLinks } from "@/lib/products/deliver";

/**
 * The job runner: pg-boss 10 on the app's own PostgreSQL (schema `pgboss`),
 * so several app instances and `npm run worker` share one queue with no
 * second service. See docs/decisions/0006-job-queue.md.
 *
 * - Schedules live in the database; pg-boss's timekeeper lets one instance
 *   per interval turn a cron tick into a job, with a 60 s singleton, so a
 *   tick never becomes two jobs however many instances run.
 * - Queues use the "stately" policy: at most one job queued and one running
 *   per queue, so a slow run never piles up a backlog or runs beside itself.
 * - The handlers are idempotent anyway (an UPDATE with a WHERE, emails under
 *   unique keys), so a retried or overlapping run changes nothing twice.
 */

export const JOB_NAMES = [
  "expire-holds",
  "appointment-events",
  "send-reminders",
  "send-form-reminders",
  "homework-reminders",
  "homework-digest",
  "billing-notify",
  "billing-release-holds",
  "billing-reconcile",
  "limits-sweep",
  "safety-notify",
  "staff-notify",
  "practice-export",
  "message-digest",
  "plan-reviews",
  "gfe-deliver",
  "product-links",
  "events",
  "waitlist-offers",
] as const;
export type JobName = (typeof JOB_NAMES)[number];

interface JobDefinition {
  cron: string;
  /** Returns a line for the log when the run did something (counts and ids only). */
  run: (now: Date) => Promise<string | null>;
  /** How long one run may take before pg-boss counts it failed and retries. */
  expireInSeconds: number;
}

const JOBS: Record<JobName, JobDefinition> = {
  "expire-holds": {
    cron: "* * * * *",
    expireInSeconds: 60,
    run: async (now) => {
      const n = await expireHolds(now);
      return n > 0 ? `${n} hold(s) expired` : null;
    },
  },
  // The appointment outbox: emails, forms and the cancellation policy after each change (lib/jobs/appointment-events.ts).
  "appointment-events": {
    cron: "* * * * *",
    expireInSeconds: 240,
    run: async (now) => {
      const r = await runAppointmentEvents(now, { limit: 200 });
      return r.due > 0 ? `appointment events due ${r.due}: done ${r.done}, failed ${r.failed}` : null;
    },
  },
  "send-reminders": {
    cron: "*/5 * * * *",
    expireInSeconds: 240,
    run: async (now) => {
      const r = await sendReminders(now);
      return r.due > 0 ? `reminders due ${r.due}: sent ${r.sent}, outbox ${r.outbox}, duplicate ${r.duplicate}, failed ${r.failed}` : null;
    },
  },
  "send-form-reminders": {
    cron: "*/15 * * * *",
    expireInSeconds: 600,
    run: async (now) => {
      const r = await sendFormReminders(now);
      return r.due > 0 ? `form reminders due ${r.due}: sent ${r.sent}, outbox ${r.outbox}, duplicate ${r.duplicate}, failed ${r.failed}` : null;
    },
  },
  // Hourly, so each practice's 9:00 comes round; at most one per client per local day (keyed).
  "homework-reminders": {
    cron: "7 * * * *",
    expireInSeconds: 600,
    run: async (now) => {
      const r = await sendHomeworkReminders(now);
      return r.due > 0 ? `homework reminders due ${r.due}: sent ${r.sent}, outbox ${r.outbox}, duplicate ${r.duplicate}, failed ${r.failed}` : null;
    },
  },
  // Mondays 13:00 UTC (morning in the Americas, afternoon in Europe); one per clinician per week (keyed).
  "homework-digest": {
    cron: "0 13 * * 1",
    expireInSeconds: 600,
    run: async (now) => {
      const r = await sendHomeworkDigest(now);
      return r.clinicians > 0 ? `homework digest: ${r.clinicians} clinician(s), ${r.flaggedClients} flagged client(s), sent ${r.sent}, outbox ${r.outbox}, duplicate ${r.duplicate}, failed ${r.failed}` : null;
    },
  },
  // Billing (lib/billing/): receipts and refund emails queued by payments and refunds, checkouts past their hold, stale payments.
  "billing-notify": {
    cron: "* * * * *",
    expireInSeconds: 120,
    run: async (now) => {
      const n = await sendBillingNotifications(now);
      return n > 0 ? `${n} billing email(s)` : null;
    },
  },
  "billing-release-holds": {
    cron: "* * * * *",
    expireInSeconds: 120,
    run: async (now) => {
      const n = await releasePaymentHolds(now);
      return n > 0 ? `${n} unpaid hold(s) released` : null;
    },
  },
  "billing-reconcile": {
    cron: "*/10 * * * *",
    expireInSeconds: 300,
    run: async (now) => {
      const r = await reconcilePayments(now);
      return r.checked > 0 ? `reconciled ${r.checked} pending payment(s), ${r.settled} settled` : null;
    },
  },
  // Safety flags: the clinicians' "a response needs your attention" emails, queued with each flag (lib/safety/).
  "safety-notify": {
    cron: "* * * * *",
    expireInSeconds: 120,
    run: async (now) => {
      const r = await sendSafetyNotifications(now);
      return r.due > 0 ? `safety flag emails due ${r.due}: sent ${r.sent}, outbox ${r.outbox}, duplicate ${r.duplicate}, failed ${r.failed}` : null;
    },
  },
  // Staff notices' emails: bookings, forms, failed payments, per each member's choice (lib/notifications/).
  "staff-notify": {
    cron: "* * * * *",
    expireInSeconds: 120,
    run: async (now) => {
      const r = await sendStaffNotificationEmails(now);
      return r.due > 0 ? `staff notice emails due ${r.due}: sent ${r.sent}, failed ${r.failed}` : null;
    },
  },
  // Expired rate-limit windows and claims of holds that ended (lib/jobs/sweep-limits.ts).
  "limits-sweep": {
    cron: "*/10 * * * *",
    expireInSeconds: 300,
    run: async (now) => {
      const r = await sweepLimits(now);
      return r.windows + r.claims > 0 ? `swept ${r.windows} limit window(s), ${r.claims} hold claim(s)` : null;
    },
  },
  // Whole-practice exports asked for on the settings page (lib/export/practice-export.ts); a request also sends one now.
  "practice-export": {
    cron: "* * * * *",
    expireInSeconds: 3600,
    run: async (now) => {
      const r = await runPendingExports(now);
      return r.done + r.failed + r.removed > 0 ? `exports done ${r.done}, failed ${r.failed}, expired files removed ${r.removed}` : null;
    },
  },
  // Daily 14:00 UTC: clients who chose one email a day about messages (lib/messaging/notify.ts); keyed per client and day.
  "message-digest": {
    cron: "0 14 * * *",
    expireInSeconds: 600,
    run: async (now) => {
      const r = await sendMessageDigest(now);
      return r.due > 0 ? `message digest due ${r.due}: sent ${r.sent}, failed ${r.failed}` : null;
    },
  },
  // Hourly, so each practice's day turns over within the hour; one notice per plan version and review date (keyed).
  "plan-reviews": {
    cron: "23 * * * *",
    expireInSeconds: 600,
    run: async (now) => {
      const r = await remindPlanReviews(now);
      return r.due > 0 ? `plan reviews due ${r.due}: ${r.told} notice(s) addressed` : null;
    },
  },
  // Good Faith Estimates issued and not yet delivered (lib/gfe/deliver.ts); one email per estimate (keyed).
  "gfe-deliver": {
    cron: "* * * * *",
    expireInSeconds: 120,
    run: async (now) => {
      const r = await deliverGfes(now);
      return r.due > 0 ? `estimates due ${r.due}: sent ${r.sent}, outbox ${r.outbox}, duplicate ${r.duplicate}, failed ${r.failed}` : null;
    },
  },
  // Workbook download links owed after a payment or a gift (lib/products/deliver.ts); one email per grant (keyed).
  "product-links": {
    cron: "* * * * *",
    expireInSeconds: 120,
    run: async (now) => {
      const r = await deliverProductLinks(now);
      return r.due > 0 ? `download links due ${r.due}: sent ${r.sent}, outbox ${r.outbox}, duplicate ${r.duplicate}, failed ${r.failed}` : null;
    },
  },
  // Group events (lib/events/seats.ts): lapsed seat holds and waitlist offers released and re-offered, event emails sent.
  events: {
    cron: "* * * * *",
    expireInSeconds: 120,
    run: async (now) => {
      const r = await sweepEvents(now);
      return r.released + r.sent > 0 ? `events: ${r.released} hold(s) released, ${r.sent} email(s)` : null;
    },
  },
  // The session waitlist (lib/waitlist/offer-job.ts): freed times from the outbox offered in line, lapsed offers passed on.
  "waitlist-offers": {
    cron: "* * * * *",
    expireInSeconds: 240,
    run: async (now) => {
      const r = await runWaitlist(now);
      return r.openings + r.expiredOffers > 0 ? `waitlist: ${r.openings} opening(s), ${r.offers} offer(s), ${r.expiredOffers} lapsed, ${r.emails} email(s)` : null;
    },
  },
};

export interface JobLogger {
  info(message: string): void;
  warn(message: string): void;
}

const consoleLogger: JobLogger = {
  info: (m) => log.info({ scope: "jobs" }, `[jobs] ${m}`),
  warn: (m) => log.warn({ scope: "jobs" }, `[jobs] ${m}`),
};

interface RunnerState {
  starting?: Promise<PgBoss>;
  boss?: PgBoss;
  /** Set while stopping: connection errors then are expected (the database may be going down too). */
  stopping?: boolean;
}

// One runner per process, even when Next loads this module in several bundles.
const holder = globalThis as unknown as { __tandemJobRunner?: RunnerState };
const state = (holder.__tandemJobRunner ??= {});

/**
 * Starts pg-boss (installing or migrating its schema), creates the queues,
 * registers the schedules and the workers. Idempotent: a second call returns
 * the same runner. Rejects if pg-boss cannot start; a later call tries again.
 */
export function startJobRunner(options: { log?: JobLogger } = {}): Promise<PgBoss> {
  state.starting ??= start(options.log ?? consoleLogger).catch((error: unknown) => {
    state.starting = undefined;
    throw error;
  });
  return state.starting;
}

async function start(log: JobLogger): Promise<PgBoss> {
  const boss = new PgBoss({
    // Not through a transaction-mode pooler (docs/deploy.md): DATABASE_DIRECT_URL when set.
    connectionString: directDatabaseUrl(),
    schema: "pgboss",
    application_name: "tandem-jobs",
    max: 4,
  });
  // Without a listener an 'error' event would crash the process. Messages
  // only: job data holds ids, never anything clinical.
  boss.on("error", (error) => {
    if (!state.stopping) log.warn(`pg-boss: ${errorText(error)}`);
  });
  try {
    await boss.start();
    for (const name of JOB_NAMES) {
      const job = JOBS[name];
      const queue = { name, policy: "stately" as const, retryLimit: 2, retryDelay: 30, expireInSeconds: job.expireInSeconds };
      // createQueue keeps an existing queue as it is; updateQueue applies today's options.
      await boss.createQueue(name, queue);
      await boss.updateQueue(name, queue);
      await boss.schedule(name, job.cron, {}, { tz: "UTC" });
      await boss.work(name, async (jobs) => {
        // pg-boss 10 hands the handler a batch (one job by default); each run reads the clock then.
        for (let i = 0; i < jobs.length; i++) {
          let line: string | null;
          try {
            line = await job.run(new Date());
          } catch (error) {
            // pg-boss stores a failed job's error in its table: only the safe text,
            // never drizzle's parameters (addresses, message bodies).
            const text = safeErrorText(error);
            log.warn(`${name} failed: ${text}`);
            throw new Error(text);
          }
          if (line) log.info(`${name}: ${line}`);
        }
      });
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw error;
  }
  state.boss = boss;
  log.info(`runner started (${JOB_NAMES.join(", ")})`);
  return boss;
}

/**
 * For the app server: starts the runner without ever rejecting or blocking
 * start-up. If pg-boss cannot start (say the database is briefly away), it
 * logs a warning and tries again later, backing off up to 5 minutes.
 */
export function startJobRunnerInBackground(options: { log?: JobLogger } = {}): void {
  const log = options.log ?? consoleLogger;
  let delayMs = 15_000;
  const attempt = () => {
    startJobRunner({ log }).catch((error: unknown) => {
      log.warn(`runner did not start (${errorText(error)}); trying again in ${Math.round(delayMs / 1000)} s`);
      const timer = setTimeout(attempt, delayMs);
      timer.unref();
      delayMs = Math.min(delayMs * 2, 300_000);
    });
  };
  attempt();
}

function errorText(error: unknown): string {
  return safeErrorText(error);
}

/** Stops the workers (letting a running job finish, up to `timeoutMs`) and closes pg-boss's pool. */
export async function stopJobRunner(options: { timeoutMs?: number } = {}): Promise<void> {
  const starting = state.starting;
  if (!starting) return;
  state.starting = undefined;
  state.stopping = true;
  try {
    const boss = await starting.catch(() => undefined);
    state.boss = undefined;
    // wait: resolves once the pool is closed.
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: options.timeoutMs ?? 20_000 });
  } finally {
    state.stopping = false;
  }
}

/** The running pg-boss instance, if any (for enqueuing a job now). */
export function runningBoss(): PgBoss | undefined {
  return state.boss;
}
