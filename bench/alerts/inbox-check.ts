import { setTimeout as sleep } from 'node:timers/promises';
import { createInbox, recipients, type InboxEmail } from '../../test/helpers/inbox.ts';

/** What the local SES holds after the run: the alerts, the distinct addresses they went to, and any other email. */
export interface InboxFigures {
  alerts: number;
  distinctRecipients: number;
  other: number;
}

const isAlert = (title: string) => (email: InboxEmail) => email.subject === `New challenge: “${title}”`;

/**
 * When the first alert of the challenge reached the local SES (epoch ms, to within `everyMs`),
 * watching until `stop` resolves; undefined if none came by then. Before the first alert the store
 * holds a few emails at most, so asking often costs little.
 */
export async function firstAlertAt(sesEndpoint: string, title: string, stop: Promise<unknown>, everyMs = 25): Promise<number | undefined> {
  const inbox = createInbox(sesEndpoint);
  let stopped = false;
  void stop.finally(() => (stopped = true));
  while (!stopped) {
    if ((await inbox.all()).some(isAlert(title))) return Date.now();
    await sleep(everyMs);
  }
  return undefined;
}

/** Checks the local SES holds exactly one alert for each of `addresses`, and nothing else of the run; throws if not. */
export async function checkAlerts(sesEndpoint: string, title: string, addresses: ReadonlySet<string>): Promise<InboxFigures> {
  const emails = await createInbox(sesEndpoint).all();
  const alerts = emails.filter(isAlert(title));
  const received = new Map<string, number>();
  for (const email of alerts) for (const address of recipients(email)) received.set(address, (received.get(address) ?? 0) + 1);
  const figures = { alerts: alerts.length, distinctRecipients: received.size, other: emails.length - alerts.length };
  const twice = [...received].filter(([, count]) => count > 1).length;
  const missing = [...addresses].filter((address) => !received.has(address)).length;
  const strangers = [...received.keys()].filter((address) => !addresses.has(address)).length;
  if (alerts.length !== addresses.size || received.size !== addresses.size || twice || missing || strangers) {
    throw new Error(
      `The local SES holds ${alerts.length} alerts to ${received.size} distinct addresses, expected exactly ${addresses.size} to ${addresses.size}: ` +
        `${missing} subscribers got none, ${twice} got more than one, ${strangers} addresses are no subscriber's`,
    );
  }
  return figures;
}
