import { describe, expect, it } from 'vitest';
import type { AlertSettings } from '#shared/alerts.ts';
import type { MailChoices } from '#shared/unsubscribe.ts';
import { signUnsubscribeToken } from '#functions/domain/unsubscribe/token.ts';
import { sessionKey } from '#functions/session-key.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, uniqueEmail } from '../helpers/api.ts';
import { challengeTerms, useMarketplace, type ChallengeAnswer, type Problem } from '../helpers/challenges.ts';
import { createInbox, type InboxEmail } from '../helpers/inbox.ts';
import { testSiteUrl } from '../helpers/table.ts';

const oneClick = { 'List-Unsubscribe': 'One-Click' };

/** The token of the unsubscribe page an email links to, from its text part, after checking the HTML part links the same page. */
function unsubscribeTokenIn(email: InboxEmail): string {
  const link = email.body.text?.match(/(http\S+\/unsubscribe\?token=(\S+))/);
  if (!link) throw new Error(`No unsubscribe link in “${email.subject}”`);
  expect(email.body.html).toContain(`href="${link[1]}"`);
  return decodeURIComponent(link[2]!);
}

describe('Unsubscribing from non-transactional email without signing in', () => {
  const inbox = createInbox();
  const world = useMarketplace();
  const choicesOf = (token: string) => world.api.call<MailChoices & Problem>('GET', `/api/unsubscribe/${encodeURIComponent(token)}`);
  const change = (token: string, body: object) => world.api.call<MailChoices & Problem>('PUT', `/api/unsubscribe/${encodeURIComponent(token)}`, { body });
  // As a mail service sends it: a form body, from its own servers (no Origin), no cookie.
  const clickOnce = (token: string) => world.api.call<MailChoices & Problem>('POST', `/api/unsubscribe/${encodeURIComponent(token)}`, { form: oneClick, origin: null });
  const alertsOf = (cookie: string) => world.api.call<AlertSettings>('GET', '/api/me/alerts', { cookie });
  const linkOf = async (email: string, kind: 'alerts' | 'notices') => signUnsubscribeToken({ email, kind }, await sessionKey(wiring().config));

  const published = async (title: string) => {
    const { cookie } = world.people.commissioner;
    const created = await world.api.call<ChallengeAnswer>('POST', '/api/challenges', { body: challengeTerms({ title }), cookie });
    const submitted = await world.api.call<ChallengeAnswer>('POST', `/api/challenges/${created.body.id}/submit`, { body: { version: 1 }, cookie });
    const approved = await world.api.call<ChallengeAnswer>('POST', `/api/staff/challenges/${created.body.id}/approve`, {
      body: { version: submitted.body.version },
      cookie: world.people.staff.cookie,
    });
    expect(approved.status).toBe(200);
    return approved.body;
  };
  const askedAndAnswered = async (challengeId: string, question: string) => {
    const asked = await world.api.call<ChallengeAnswer>('POST', `/api/challenges/${challengeId}/questions`, { body: { question }, cookie: world.people.firm.cookie });
    const questionId = asked.body.questions.find((entry) => entry.question === question)!.id;
    const answered = await world.api.call('POST', `/api/challenges/${challengeId}/questions/${questionId}/answer`, {
      body: { answer: 'Yes, it may.' },
      cookie: world.people.commissioner.cookie,
    });
    expect(answered.status).toBe(200);
    await world.deliver();
  };
  const mailsAbout = async (address: string, title: string) => (await inbox.to(address)).filter((email) => email.subject.includes(title));

  it("links a notice to the follower's own page, which shows their settings; one click stops notices, and the next one skips them while the others still get it", async () => {
    const challenge = await published('Unsubscribe walk');
    await world.api.call('PUT', `/api/challenges/${challenge.id}/follow`, { cookie: world.people.otherFirm.cookie });
    await askedAndAnswered(challenge.id, 'May a consortium have three partners?');

    const [notice] = await mailsAbout(world.people.otherFirm.email, 'Unsubscribe walk');
    expect(notice!.body.text).toContain(`${testSiteUrl}/en/unsubscribe?token=`);
    expect(notice!.body.text).toContain('Change or stop these emails');
    const token = unsubscribeTokenIn(notice!);
    const shown = await choicesOf(token);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ email: world.people.otherFirm.email, kind: 'notices', alertFrequency: 'off', notices: true });

    const stopped = await clickOnce(token);
    const again = await clickOnce(token);
    expect([stopped.status, again.status]).toEqual([200, 200]);
    expect(again.body).toMatchObject({ kind: 'notices', notices: false });
    expect((await choicesOf(token)).body.notices).toBe(false);

    await askedAndAnswered(challenge.id, 'May the lead firm be from outside the region?');
    expect(await mailsAbout(world.people.otherFirm.email, 'Unsubscribe walk')).toHaveLength(1);
    expect(await mailsAbout(world.people.firm.email, 'Unsubscribe walk')).toHaveLength(2);
    const failed = await world.api.call<{ items: unknown[] }>('GET', '/api/staff/outbox?status=failed', { cookie: world.people.staff.cookie });
    expect(failed.status).toBe(200);
    expect(failed.body.items).toEqual([]);
  });

  it('lets the page turn notices back on and choose an alert frequency, saving the firm profile suggestion at it', async () => {
    const token = await linkOf(uniqueEmail('nobody'), 'notices');
    const own = await linkOf((await wiring().organisationPorts.store.person(world.people.firm.userId))!.email, 'notices');

    const stopped = await change(own, { alertFrequency: 'off', notices: false });
    const restarted = await change(own, { alertFrequency: 'weekly', notices: true });
    const alerts = await alertsOf(world.people.firm.cookie);

    expect(stopped.body).toMatchObject({ alertFrequency: 'off', notices: false });
    expect(restarted.status).toBe(200);
    expect(restarted.body).toEqual({ email: world.people.firm.email, kind: 'notices', alertFrequency: 'weekly', notices: true });
    expect(alerts.body).toMatchObject({ saved: true, preferences: { frequency: 'weekly', disciplines: ['service_design', 'ux_design'], sectors: ['health'] } });
    // An address without an account has no alerts to change, only notices.
    expect((await change(token, { alertFrequency: 'weekly', notices: false })).body).toMatchObject({ alertFrequency: null, notices: false });
  });

  it("turns a person's alerts off with one click on an alert's link, keeping the rest of their preferences", async () => {
    const email = uniqueEmail('alerted');
    const person = await signedInAs(email);
    const saved = await world.api.call('PUT', '/api/me/alerts', {
      cookie: person.cookie,
      body: { disciplines: ['sound'], sectors: [], types: [], funding: [], minBudgetCents: null, municipalities: [], language: 'en', frequency: 'immediately', version: 0 },
    });
    expect(saved.status).toBe(200);

    const stopped = await clickOnce(await linkOf(email, 'alerts'));
    const again = await clickOnce(await linkOf(email, 'alerts'));
    const alerts = await alertsOf(person.cookie);

    expect([stopped.status, again.status]).toEqual([200, 200]);
    expect(stopped.body).toMatchObject({ kind: 'alerts', alertFrequency: 'off', notices: true });
    expect(alerts.body).toMatchObject({ saved: true, version: 2, preferences: { frequency: 'off', disciplines: ['sound'] } });
  });

  it('refuses a forged, altered or foreign token with 422 naming params.token, and changes nothing', async () => {
    const genuine = await linkOf(world.people.commissioner.email, 'notices');
    const [header, payload, signature] = genuine.split('.');
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: world.people.firm.email })).toString('base64url')}.${signature}`;
    const sessionToken = world.people.commissioner.cookie.split('=')[1]!;

    for (const token of [altered, sessionToken, 'not-a-token']) {
      for (const answer of [await choicesOf(token), await change(token, { alertFrequency: 'off', notices: false }), await clickOnce(token)]) {
        expect(answer.status, token).toBe(422);
        expect(answer.body.errors?.[0]?.field).toBe('params.token');
      }
    }
    expect((await choicesOf(genuine)).body.notices).toBe(true);
  });

  it('refuses a one-click POST without its form field, and the page’s changes from another site', async () => {
    const token = encodeURIComponent(await linkOf(world.people.commissioner.email, 'notices'));

    const asJson = await world.api.call<Problem>('POST', `/api/unsubscribe/${token}`, { body: oneClick, origin: null });
    const crossSite = await world.api.call<Problem>('PUT', `/api/unsubscribe/${token}`, { body: { alertFrequency: 'off', notices: false }, origin: 'https://elsewhere.example' });

    expect(asJson.status).toBe(415);
    expect(crossSite.status).toBe(403);
  });

  it('puts no unsubscribe link or page in transactional email: sign-in codes and decisions', async () => {
    const challenge = await published('Transactional walk');
    await world.api.call('POST', '/api/auth/code', { body: { email: world.people.commissioner.email } });
    await world.deliver();

    const approval = (await mailsAbout(world.people.commissioner.email, 'Transactional walk'))[0];
    const code = await inbox.waitFor((email) => email.destination.to.some((to) => to.includes(world.people.commissioner.email)) && /code/i.test(email.subject));
    expect(challenge.status).toBe('published');
    for (const email of [approval!, code]) {
      expect(email.body.text).not.toContain('unsubscribe');
      expect(email.body.html).not.toContain('unsubscribe');
    }
  });

  it('exports the kinds of email an address stopped, and erasure forgets them', async () => {
    const email = uniqueEmail('leaving');
    const person = await signedInAs(email);
    await clickOnce(await linkOf(email, 'notices'));

    const exported = await world.api.call<{ stoppedEmails: { kind: string }[] }>('GET', '/api/me/export', { cookie: person.cookie });
    const erased = await world.api.call('DELETE', '/api/me', { cookie: person.cookie });

    expect(exported.body.stoppedEmails).toEqual([{ kind: 'notices', optedOutAt: expect.any(String) }]);
    expect(erased.status).toBe(204);
    expect(await wiring().mailOptOuts.optOutsOf(email)).toEqual([]);
  });
});
