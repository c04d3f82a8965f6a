import type { AlertFrequency } from '#shared/alerts.ts';
import type { MailChoices, SaveMailChoices, UnsubscribeKind } from '#shared/unsubscribe.ts';
import { suggestedPreferences } from '../alerts/preferences.ts';
import { conflictError } from '../errors.ts';
import type { StoredPerson } from '../organisations/ports.ts';
import type { UnsubscribePorts } from './ports.ts';
import { verifyUnsubscribeToken } from './token.ts';

/** A change of alert frequency that keeps losing to other changes of the same preferences gives up after this many tries. */
const ALERT_SAVE_TRIES = 3;

/**
 * The address's alert frequency: what its saved preferences say, `off` until it saves any (a
 * suggestion sends nothing), null without an account.
 */
async function alertFrequencyOf(person: StoredPerson | undefined, ports: UnsubscribePorts): Promise<AlertFrequency | null> {
  if (!person) return null;
  return (await ports.alerts.preferences(person.userId))?.frequency ?? 'off';
}

/**
 * Sets the person's alert frequency, keeping the rest of their preferences; without saved ones it
 * saves the suggestion (their firm's profile) at that frequency. Saved over the version read, as the
 * account page does, and read again if another change came first.
 */
async function setAlertFrequency(person: StoredPerson, frequency: AlertFrequency, ports: UnsubscribePorts): Promise<void> {
  const subscriber = { userId: person.userId, email: person.email, ...(person.organisationId ? { organisationId: person.organisationId } : {}) };
  for (let tries = 1; ; tries++) {
    const saved = await ports.alerts.preferences(person.userId);
    if (saved?.frequency === frequency) return;
    let preferences;
    if (saved) {
      const { version: _version, savedAt: _savedAt, ...rest } = saved;
      preferences = rest;
    } else {
      const organisation = person.organisationId ? await ports.organisations.organisation(person.organisationId) : undefined;
      preferences = suggestedPreferences(person.language, organisation?.kind === 'creative' ? organisation : undefined);
    }
    if (await ports.alerts.save(subscriber, { ...preferences, frequency }, saved?.version ?? 0, ports.now().toISOString())) return;
    if (tries === ALERT_SAVE_TRIES) throw conflictError('Your alert preferences keep changing elsewhere; try again in a moment.', 'body.alertFrequency');
  }
}

async function setNotices(email: string, wanted: boolean, ports: UnsubscribePorts): Promise<void> {
  if (wanted) await ports.optOuts.optIn(email, 'notices');
  else await ports.optOuts.optOut(email, 'notices', ports.now().toISOString());
}

/** The choices as they stand, given the alert frequency when it is known already. */
async function choicesOf(email: string, kind: UnsubscribeKind, alertFrequency: AlertFrequency | null, ports: UnsubscribePorts): Promise<MailChoices> {
  const stopped = await ports.optOuts.optedOutAmong([email], 'notices');
  return { email, kind, alertFrequency, notices: !stopped.has(email) };
}

/**
 * What the address of an unsubscribe link receives, for the page the link opens:
 * 1. check the link's token (a forged or altered one: 422 naming `params.token`)
 * 2. find the account with that address, if it still has one
 * 3. answer its alert frequency and whether notices about followed challenges still come
 */
export async function mailChoicesOf(token: string, ports: UnsubscribePorts): Promise<MailChoices> {
  const { email, kind } = await verifyUnsubscribeToken(token, await ports.key());
  return choicesOf(email, kind, await alertFrequencyOf(await ports.organisations.personByEmail(email), ports), ports);
}

/**
 * Changes what the address of an unsubscribe link receives, without signing in:
 * 1. check the link's token
 * 2. set the alert frequency of the account with that address (without an account there are no alerts to change)
 * 3. stop or restart the notices about followed challenges
 * 4. answer the choices as they now stand
 */
export async function saveMailChoices(token: string, choices: SaveMailChoices, ports: UnsubscribePorts): Promise<MailChoices> {
  const { email, kind } = await verifyUnsubscribeToken(token, await ports.key());
  const person = await ports.organisations.personByEmail(email);
  if (person) await setAlertFrequency(person, choices.alertFrequency, ports);
  await setNotices(email, choices.notices, ports);
  return choicesOf(email, kind, person ? choices.alertFrequency : null, ports);
}

/**
 * The one-click unsubscribe a mail client sends (RFC 8058): stops the kind of email the link came
 * in, and nothing else; sending it again changes nothing.
 * 1. check the link's token
 * 2. alerts: set the account's alert frequency to off; notices: record that the address stopped them
 * 3. answer the choices as they now stand
 */
export async function stopByLink(token: string, ports: UnsubscribePorts): Promise<MailChoices> {
  const { email, kind } = await verifyUnsubscribeToken(token, await ports.key());
  const person = await ports.organisations.personByEmail(email);
  if (kind === 'alerts') {
    if (person) await setAlertFrequency(person, 'off', ports);
    return choicesOf(email, kind, person ? 'off' : null, ports);
  }
  await setNotices(email, false, ports);
  return choicesOf(email, kind, await alertFrequencyOf(person, ports), ports);
}
