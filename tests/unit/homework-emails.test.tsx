import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import HomeworkAssignedEmail from "@/emails/homework-assigned";
import HomeworkDigestEmail from "@/emails/homework-digest";
import HomeworkReminderEmail from "@/emails/homework-reminder";

const text = (element: Parameters<typeof render>[0]) => render(element, { plainText: true });

describe("homework emails say little", () => {
  test("assigned: the practice, the title and the portal link, nothing more", async () => {
    const body = await text(HomeworkAssignedEmail(HomeworkAssignedEmail.PreviewProps));
    expect(body).toContain("Hi Priya");
    expect(body).toContain("Harbor Couples Therapy has added homework to your portal: Six-week reconnection for couples.");
    expect(body).toContain(HomeworkAssignedEmail.PreviewProps.portalUrl);
  });

  test("reminder: only that something is open, and how to turn reminders off", async () => {
    const body = await text(HomeworkReminderEmail(HomeworkReminderEmail.PreviewProps));
    expect(body).toContain("You have 2 exercises open this week.");
    expect(body).toContain("You can turn these reminders off in your portal.");
    expect(await text(HomeworkReminderEmail({ ...HomeworkReminderEmail.PreviewProps, dueCount: 1 }))).toContain("You have one exercise open this week.");
  });

  test("digest: the flagged clients' names and links, never the reason", async () => {
    const body = await text(HomeworkDigestEmail(HomeworkDigestEmail.PreviewProps));
    expect(body).toContain("One client's homework needs a look this week.");
    expect(body).toContain("Emily Carter");
    expect(body).not.toMatch(/pain|closeness|rated/i);
  });
});
